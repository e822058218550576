package app.duet.api.session;

import org.axonframework.serialization.Revision;

/** A therapist is now observing the session, as both partners can see. */
@Revision("1")
public record TherapistJoinedSession(String sessionId, String therapistId) {
}
