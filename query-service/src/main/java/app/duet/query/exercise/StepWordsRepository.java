package app.duet.query.exercise;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface StepWordsRepository extends MongoRepository<StepWords, String> {

    void deleteByCoupleId(String coupleId);
}
