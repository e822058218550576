package app.duet.api.cycle;

import java.time.Instant;

/**
 * A moment of the couple's history that moved a figure; no words, only what kind of moment it was.
 * A change of phase names the figure ({@code phase-change:<eventId>}) that lists the events behind it.
 */
public record TimelineItemView(Instant at, TimelineKind kind, String partnerId, String sessionId, String eventId,
                               String figure) {
}
