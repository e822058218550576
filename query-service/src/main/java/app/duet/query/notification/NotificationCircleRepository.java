package app.duet.query.notification;

import org.springframework.data.mongodb.repository.MongoRepository;

interface NotificationCircleRepository extends MongoRepository<NotificationCircle, String> {

    void deleteByCoupleId(String coupleId);
}
