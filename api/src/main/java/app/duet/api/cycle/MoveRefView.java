package app.duet.api.cycle;

import java.time.Instant;

/** The last softening or re-engagement: who, when, in which session, and whether a therapist confirmed it. */
public record MoveRefView(String partnerId, String sessionId, Instant at, boolean confirmed) {
}
