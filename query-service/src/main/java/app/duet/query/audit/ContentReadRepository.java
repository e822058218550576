package app.duet.query.audit;

import org.springframework.data.mongodb.repository.MongoRepository;

import java.util.List;

public interface ContentReadRepository extends MongoRepository<ContentRead, String> {

    List<ContentRead> findTop500ByCoupleIdOrderByAtDesc(String coupleId);

    void deleteByCoupleId(String coupleId);
}
