package app.duet.query.session;

import app.duet.api.exercise.EntryKind;
import org.springframework.data.mongodb.repository.MongoRepository;

import java.util.List;

public interface SessionItemRepository extends MongoRepository<SessionItem, String> {

    List<SessionItem> findBySessionIdAndListOrderByOrder(String sessionId, String list);

    List<SessionItem> findBySessionIdAndListAndEntryKindOrderByOrder(String sessionId, String list, EntryKind kind);

    void deleteByCoupleId(String coupleId);
}
