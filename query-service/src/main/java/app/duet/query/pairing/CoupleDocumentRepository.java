package app.duet.query.pairing;

import org.springframework.data.mongodb.repository.MongoRepository;

import java.util.List;
import java.util.Optional;

public interface CoupleDocumentRepository extends MongoRepository<CoupleDocument, String> {

    Optional<CoupleDocument> findFirstByPartnerIds(String partnerId);

    Optional<CoupleDocument> findFirstBySessionsSessionId(String sessionId);

    List<CoupleDocument> findByObservingTherapistIds(String therapistId);
}
