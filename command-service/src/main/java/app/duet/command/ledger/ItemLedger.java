package app.duet.command.ledger;

import java.util.List;
import java.util.Optional;

/**
 * The ids an aggregate has used once (bids, check-ins, appreciations, baby steps' follow-ups), and for a
 * bid whom it was made to and whether it was answered or missed.
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

    /** Where a bid stands; any other item stays {@code OPEN}. */
    enum State {
        OPEN, ANSWERED, MISSED
    }

    /** A used id: whom it was addressed to (a bid's recipient), and where it stands. */
    record Item(String itemId, String addressedTo, State state) {

        /** A bid answered or missed: nothing more happens to it. */
        public boolean closed() {
            return state != State.OPEN;
        }
    }

    Optional<Item> find(String ownerId, Kind kind, String itemId);

    /** The owner's items of a kind still open (a session's unanswered bids), by id. */
    List<Item> open(String ownerId, Kind kind);

    default boolean has(String ownerId, Kind kind, String itemId) {
        return find(ownerId, kind, itemId).isPresent();
    }
}
