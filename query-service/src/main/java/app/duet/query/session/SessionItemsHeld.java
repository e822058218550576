package app.duet.query.session;

import app.duet.api.exercise.EntryKind;
import app.duet.api.session.BidResponse;
import app.duet.api.session.BidView;
import app.duet.api.session.EntryView;
import org.springframework.data.annotation.Transient;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A session's bids and shared entries as its document knows them: counts, and the order of the next
 * one, kept in the document; the items themselves stored apart ({@link SessionItem}), read through a
 * {@link SessionItems.Reader}, and those a change added or changed held until stored.
 */
class SessionItemsHeld {

    long added;
    int bids;
    int bidsTurnedToward;
    int entries;
    /** Shared entries that are links of the loop: while there are none, the loop is not read. */
    int cycleLinks;
    @Transient
    List<SessionItem> changed = new ArrayList<>();
    @Transient
    SessionItems.Reader stored = SessionItems.Reader.NONE;

    void addBid(String sessionId, String coupleId, BidView bid) {
        put(SessionItem.of(sessionId, coupleId, added++, bid));
        bids++;
        bidsTurnedToward += bid.response() == BidResponse.TOWARD ? 1 : 0;
    }

    void answerBid(String sessionId, String bidId, BidResponse response, java.time.Instant answeredAt) {
        String id = SessionItem.idOf(sessionId, SessionItem.BIDS, bidId);
        changed.stream().filter(item -> item.id().equals(id)).findFirst().or(() -> stored.find(id)).ifPresent(item -> {
            BidView bid = item.bid();
            bidsTurnedToward += (response == BidResponse.TOWARD ? 1 : 0) - (bid.response() == BidResponse.TOWARD ? 1 : 0);
            put(item.with(new BidView(bid.bidId(), bid.fromPartnerId(), bid.toPartnerId(), bid.words(), bid.madeAt(),
                    response, answeredAt)));
        });
    }

    void addEntry(String sessionId, String coupleId, EntryView entry) {
        put(SessionItem.of(sessionId, coupleId, added++, entry));
        entries++;
        cycleLinks += entry.kind() == EntryKind.CYCLE_LINK ? 1 : 0;
    }

    private void put(SessionItem item) {
        changed.removeIf(held -> held.id().equals(item.id()));
        changed.add(item);
    }

    /** The bids and entries a change added or changed, to store; then none are held. */
    List<SessionItem> takeChanged() {
        List<SessionItem> taken = List.copyOf(changed);
        changed.clear();
        return taken;
    }

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

    /** A list's stored items overlaid with the changed ones, in the list's order. */
    private List<SessionItem> merged(String list, List<SessionItem> storedItems) {
        Map<String, SessionItem> byId = new LinkedHashMap<>();
        storedItems.forEach(item -> byId.put(item.id(), item));
        changed.stream().filter(item -> item.list().equals(list)).forEach(item -> byId.put(item.id(), item));
        return byId.values().stream().sorted(Comparator.comparingLong(SessionItem::order)).toList();
    }
}
