package app.duet.api.session;

import org.axonframework.serialization.Revision;

/** A partner is now present in the session. */
@Revision("1")
public record PartnerJoinedSession(String sessionId, String partnerId) {
}
