package app.duet.api.session;

import java.time.Instant;
import java.util.List;

/**
 * Who is connected to a session right now, as live state (never an event): each person with a
 * connection to it, or one that ended lately. Someone not listed has no connection to it.
 */
public record SessionPresenceView(String sessionId, List<Connected> people) {

    /** A person's best connection: here beats away beats dropped beats absent; since when it is so. */
    public record Connected(String personId, String role, Connection connection, Instant since) {
    }

    /**
     * HERE: the page is open and visible. AWAY: the page is hidden (a phone put aside). DROPPED: the
     * connection went without a goodbye, and the person may be back at any moment. ABSENT: dropped for
     * longer than the grace period, or gone on purpose.
     */
    public enum Connection {
        HERE, AWAY, DROPPED, ABSENT
    }
}
