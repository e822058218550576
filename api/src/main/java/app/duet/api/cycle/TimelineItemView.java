package app.duet.api.cycle;

import java.time.Instant;

/** A moment of the couple's history that moved a figure; no words, only what kind of moment it was. */
public record TimelineItemView(Instant at, TimelineKind kind, String partnerId, String sessionId, String eventId) {
}
