package app.duet.query.session;

import app.duet.api.session.BidView;
import app.duet.api.session.EntryView;
import app.duet.query.live.HeldItems;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One bid or one shared entry of a session, stored apart from the session's document, which would
 * otherwise grow with every bid. Its id is the session, the list and the item's own id, so storing the
 * same change again (an event delivered again) writes the same document; order keeps the list's order.
 */
@Document("session_items")
@CompoundIndex(name = "session_list_order", def = "{'sessionId': 1, 'list': 1, 'order': 1}")
public record SessionItem(@Id String id, String sessionId, String coupleId, String list, long order, BidView bid,
                          EntryView entry) implements HeldItems.Item {

    static final String BIDS = "bids";
    static final String ENTRIES = "entries";

    static String idOf(String sessionId, String list, String itemId) {
        return sessionId + ":" + list + ":" + itemId;
    }

    static SessionItem of(String sessionId, String coupleId, long order, BidView bid) {
        return new SessionItem(idOf(sessionId, BIDS, bid.bidId()), sessionId, coupleId, BIDS, order, bid, null);
    }

    static SessionItem of(String sessionId, String coupleId, long order, EntryView entry) {
        return new SessionItem(idOf(sessionId, ENTRIES, entry.entryId()), sessionId, coupleId, ENTRIES, order, null, entry);
    }

    SessionItem with(BidView changed) {
        return new SessionItem(id, sessionId, coupleId, list, order, changed, entry);
    }
}
