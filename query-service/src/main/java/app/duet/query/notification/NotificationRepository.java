package app.duet.query.notification;

import app.duet.api.notification.NotificationKind;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

import java.util.Collection;
import java.util.List;

interface NotificationRepository extends MongoRepository<Notification, String> {

    List<Notification> findByPersonIdAndKindInOrderByAtDesc(String personId, Collection<NotificationKind> kinds, Pageable page);

    void deleteByCoupleId(String coupleId);
}
