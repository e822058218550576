package app.duet.query.pairing;

import app.duet.query.live.HeldItems;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One item of a couple overview's growing lists (a session, a bid, a check-in, an appreciation, a list
 * item shared or kept, homework, a commitment, a meeting), stored apart from the overview's document,
 * which would otherwise grow with the couple's whole history. Its id is the couple, the list and the
 * item's key, so storing the same change again (an event delivered again) writes the same document;
 * order keeps the list's order. A kept list item is in {@link CoupleLists#PRIVATE}, never in the view.
 */
@Document("couple_items")
@CompoundIndexes({
        @CompoundIndex(name = "couple_list_order", def = "{'coupleId': 1, 'list': 1, 'order': 1}"),
        @CompoundIndex(name = "key_list", def = "{'key': 1, 'list': 1}")})
public record CoupleItem(@Id String id, String coupleId, String list, String key, long order, Object item)
        implements HeldItems.Item {

    static String idOf(String coupleId, String list, String key) {
        return coupleId + ":" + list + ":" + key;
    }

    static CoupleItem of(String coupleId, String list, String key, long order, Object item) {
        return new CoupleItem(idOf(coupleId, list, key), coupleId, list, key, order, item);
    }

    CoupleItem with(Object changed) {
        return new CoupleItem(id, coupleId, list, key, order, changed);
    }
}
