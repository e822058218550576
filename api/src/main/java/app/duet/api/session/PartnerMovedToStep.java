package app.duet.api.session;

import org.axonframework.serialization.Revision;

/** A partner is now on this step of the exercise. */
@Revision("1")
public record PartnerMovedToStep(String sessionId, String partnerId, String step) {
}
