package app.duet.query.pairing;

import app.duet.query.live.HeldItems;

import java.util.List;
import java.util.Optional;

/** How a couple overview's document reads its items stored apart ({@link CoupleItem}). */
final class CoupleItems {

    private CoupleItems() {
    }

    interface Reader extends HeldItems.Reader<CoupleItem> {

        /** A couple that was never stored has none. */
        Reader NONE = new Reader() {
            @Override
            public List<CoupleItem> shown() {
                return List.of();
            }

            @Override
            public List<CoupleItem> all(String list) {
                return List.of();
            }

            @Override
            public Optional<CoupleItem> find(String id) {
                return Optional.empty();
            }
        };

        /** Every item of the lists the view shows, in one read. */
        List<CoupleItem> shown();

        List<CoupleItem> all(String list);
    }

    static Reader of(CoupleItemRepository items, String coupleId) {
        return new Reader() {
            @Override
            public List<CoupleItem> shown() {
                return items.findByCoupleIdAndListInOrderByOrder(coupleId, CoupleLists.SHOWN);
            }

            @Override
            public List<CoupleItem> all(String list) {
                return items.findByCoupleIdAndListOrderByOrder(coupleId, list);
            }

            @Override
            public Optional<CoupleItem> find(String id) {
                return items.findById(id);
            }
        };
    }
}
