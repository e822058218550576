package app.duet.api.clinical;

import java.time.Instant;

/** A partner's safety concern, as the therapist who was told sees it. */
public record SafetyConcernView(String concernId, String coupleId, String partnerId, String words, Instant raisedAt) {
}
