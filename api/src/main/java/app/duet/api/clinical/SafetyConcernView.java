package app.duet.api.clinical;

import java.time.Instant;

/** A partner's safety concern, as the therapist who was told sees it; {@code seenAt} is when they read it, or null. */
public record SafetyConcernView(String concernId, String coupleId, String partnerId, String words, Instant raisedAt,
                                Instant seenAt) {
}
