package app.duet.command.ledger;

import java.util.Optional;

/**
 * The ids an aggregate has used once (bids, check-ins, appreciations, baby steps' follow-ups), and for a bid whom it was made to and whether it was answered.
 * An aggregate's rules ask here instead of remembering every id of its history themselves: that
 * memory grew with the history, and so did every load and snapshot of the aggregate. It is written
 * from the events in the transaction that appends them ({@link ItemLedgerEvents}), so it is never
 * behind the aggregate; command handlers get it as a parameter.
 */
public interface ItemLedger {

    /** What kind of id, within its owner (a session or a couple); the stored name has at most 20 characters. */
    enum Kind {
        SESSION_BID, EVERYDAY_BID, CHECK_IN, APPRECIATION, BABY_STEP_FOLLOW_UP
    }

    /** A used id: whom it was addressed to (a bid's recipient), and whether it is closed (a bid answered). */
    record Item(String addressedTo, boolean closed) {
    }

    Optional<Item> find(String ownerId, Kind kind, String itemId);

    default boolean has(String ownerId, Kind kind, String itemId) {
        return find(ownerId, kind, itemId).isPresent();
    }
}
