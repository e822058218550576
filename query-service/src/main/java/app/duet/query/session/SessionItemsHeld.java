package app.duet.query.session;

import app.duet.api.exercise.EntryKind;
import app.duet.api.session.BidResponse;
import app.duet.api.session.BidView;
import app.duet.api.session.EntryView;
import app.duet.query.live.HeldItems;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A session's bids and shared entries as its document knows them: counts, and the order of the next
 * one, kept in the document; the items themselves stored apart ({@link SessionItem}), read through a
 * {@link SessionItems.Reader}, and those a change added or changed held until stored.
 */
class SessionItemsHeld extends HeldItems<SessionItem, SessionItems.Reader> {

    int bids;
    int bidsTurnedToward;
    int entries;
    /** Shared entries that are links of the loop: while there are none, the loop is not read. */
    int cycleLinks;

    SessionItemsHeld() {
        super(SessionItems.Reader.NONE);
    }

    void addBid(String sessionId, String coupleId, BidView bid) {
        add(SessionItem.of(sessionId, coupleId, nextOrder(), bid));
        bids++;
        bidsTurnedToward += bid.response() == BidResponse.TOWARD ? 1 : 0;
    }

    /** A bid answered or missed; the count of bids turned toward follows. */
    void changeBid(String sessionId, String bidId, UnaryOperator<BidView> change) {
        find(SessionItem.idOf(sessionId, SessionItem.BIDS, bidId)).ifPresent(item -> {
            BidView changed = change.apply(item.bid());
            bidsTurnedToward += (changed.response() == BidResponse.TOWARD ? 1 : 0) - (item.bid().response() == BidResponse.TOWARD ? 1 : 0);
            replace(item, item.with(changed));
        });
    }

    void addEntry(String sessionId, String coupleId, EntryView entry) {
        add(SessionItem.of(sessionId, coupleId, nextOrder(), entry));
        entries++;
        cycleLinks += entry.kind() == EntryKind.CYCLE_LINK ? 1 : 0;
    }

    /** Every bid (all), or only those this change added or changed. */
    List<BidView> bids(boolean all) {
        return merged(SessionItem.BIDS, all ? stored.all(SessionItem.BIDS) : List.of()).stream().map(SessionItem::bid).toList();
    }

    List<EntryView> entries(boolean all) {
        return merged(SessionItem.ENTRIES, all ? stored.all(SessionItem.ENTRIES) : List.of()).stream()
                .map(SessionItem::entry).toList();
    }

    /** Every shared entry that is a link of the loop, stored or not yet. */
    List<EntryView> cycleLinks() {
        if (cycleLinks == 0) {
            return List.of();
        }
        return merged(SessionItem.ENTRIES, stored.cycleLinks()).stream().map(SessionItem::entry).toList();
    }
}
