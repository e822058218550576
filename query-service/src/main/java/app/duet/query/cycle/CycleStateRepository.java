package app.duet.query.cycle;

import org.springframework.data.mongodb.repository.MongoRepository;

import java.util.Optional;

public interface CycleStateRepository extends MongoRepository<CycleState, String> {

    Optional<CycleState> findFirstBySessionIds(String sessionId);
}
