package app.duet.query.clinical;

import org.springframework.data.mongodb.repository.MongoRepository;

import java.util.List;

public interface ClinicalRecordRepository extends MongoRepository<ClinicalRecord, String> {

    List<ClinicalRecord> findByCoupleIdAndKindAndReadersOrderByAtDesc(String coupleId, ClinicalRecord.Kind kind,
                                                                       String reader);

    List<ClinicalRecord> findByKindAndReadersOrderByAtDesc(ClinicalRecord.Kind kind, String reader);

    void deleteByCoupleId(String coupleId);
}
