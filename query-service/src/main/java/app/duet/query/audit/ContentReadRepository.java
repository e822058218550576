package app.duet.query.audit;

import org.springframework.data.mongodb.repository.MongoRepository;

import java.time.Instant;
import java.util.List;

public interface ContentReadRepository extends MongoRepository<ContentRead, String> {

    List<ContentRead> findTop500ByCoupleIdOrderByAtDesc(String coupleId);

    boolean existsByCoupleIdAndReaderIdAndWhatAndViaAndAtAfter(String coupleId, String readerId, String what, String via,
                                                               Instant after);

    void deleteByCoupleId(String coupleId);
}
