package app.duet.query.session;

import app.duet.api.session.SessionStatus;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface SessionDocumentRepository extends MongoRepository<SessionDocument, String> {

    long countByStatus(SessionStatus status);

    void deleteByCoupleId(String coupleId);

    java.util.List<SessionDocument> findByCoupleId(String coupleId);
}
