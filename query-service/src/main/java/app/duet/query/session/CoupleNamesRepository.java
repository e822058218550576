package app.duet.query.session;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface CoupleNamesRepository extends MongoRepository<CoupleNames, String> {
}
