package app.duet.query.pairing;

import app.duet.query.live.HeldItems;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A couple overview's growing lists as its document knows them: the order of the next item kept in
 * the document, the items stored apart ({@link CoupleItem}), read through a {@link CoupleItems.Reader},
 * and those a change touched held until stored. Each item is known in its list by a key.
 */
class CoupleItemsHeld extends HeldItems<CoupleItem, CoupleItems.Reader> {

    CoupleItemsHeld() {
        super(CoupleItems.Reader.NONE);
    }

    void add(String coupleId, String list, String key, Object item) {
        add(CoupleItem.of(coupleId, list, key, nextOrder(), item));
    }

    /** An item of an earlier build's document, to store apart as it is. */
    void keepAsStored(String coupleId, String list, String key, Object item) {
        keepAsStored(CoupleItem.of(coupleId, list, key, nextOrder(), item));
    }

    <T> void update(String coupleId, String list, String key, Class<T> type, UnaryOperator<T> change) {
        find(CoupleItem.idOf(coupleId, list, key))
                .ifPresent(was -> replace(was, was.with(change.apply(type.cast(was.item())))));
    }

    /** Takes an item out of its list, if it is there. */
    <T> Optional<T> take(String coupleId, String list, String key, Class<T> type) {
        Optional<CoupleItem> found = find(CoupleItem.idOf(coupleId, list, key));
        found.ifPresent(this::remove);
        return found.map(item -> type.cast(item.item()));
    }

    /** Every item of one list, stored or held, in the list's order. */
    <T> List<T> all(String list, Class<T> type) {
        return merged(list, stored.all(list)).stream().map(item -> type.cast(item.item())).toList();
    }

    /** Every item of each list the view shows, stored or held, in each list's order. */
    Map<String, List<Object>> shown() {
        List<CoupleItem> storedItems = stored.shown();
        return byList(list -> merged(list, storedItems.stream().filter(item -> item.list().equals(list)).toList()));
    }

    /** Only the items this change touched, as they were before it (previous) or are after it. */
    Map<String, List<Object>> touched(boolean previous) {
        return byList(list -> touched(list, previous));
    }

    private static Map<String, List<Object>> byList(Function<String, List<CoupleItem>> items) {
        Map<String, List<Object>> byList = new LinkedHashMap<>();
        CoupleLists.SHOWN.forEach(list -> byList.put(list, items.apply(list).stream().map(CoupleItem::item).toList()));
        return byList;
    }
}
