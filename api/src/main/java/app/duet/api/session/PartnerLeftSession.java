package app.duet.api.session;

import org.axonframework.serialization.Revision;

/** A partner is no longer present in the session. */
@Revision("1")
public record PartnerLeftSession(String sessionId, String partnerId) {
}
