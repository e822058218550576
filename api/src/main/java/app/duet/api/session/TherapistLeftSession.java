package app.duet.api.session;

import org.axonframework.serialization.Revision;

/** A therapist no longer observes the session: they left, or a partner withdrew consent. */
@Revision("1")
public record TherapistLeftSession(String sessionId, String therapistId) {
}
