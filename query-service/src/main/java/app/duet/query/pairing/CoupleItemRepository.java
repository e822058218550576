package app.duet.query.pairing;

import org.springframework.data.mongodb.repository.MongoRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

public interface CoupleItemRepository extends MongoRepository<CoupleItem, String> {

    List<CoupleItem> findByCoupleIdAndListInOrderByOrder(String coupleId, Collection<String> lists);

    List<CoupleItem> findByCoupleIdAndListOrderByOrder(String coupleId, String list);

    Optional<CoupleItem> findFirstByKeyAndList(String key, String list);

    void deleteByCoupleId(String coupleId);
}
