package app.duet.command.everyday;

import app.duet.command.deadlines.OwnedDeadline;

/**
 * The deadline a bid's window ends with, in the aggregate of its owner (the couple between
 * sessions, the session within one). Stored with the deadline by its class name: renaming or moving
 * this record strands the deadlines already scheduled.
 */
public record BidWindow(String ownerId, String bidId) implements OwnedDeadline {

    /** The deadline's name for a bid between sessions. */
    public static final String BETWEEN_SESSIONS = "bid-window-between-sessions";
    /** The deadline's name for a bid in a session, where {@code duet.bids.missed-after.in-session} is set. */
    public static final String IN_SESSION = "bid-window-in-session";
}
