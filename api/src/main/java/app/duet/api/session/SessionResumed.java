package app.duet.api.session;

import org.axonframework.serialization.Revision;

/** The session runs again after a pause. */
@Revision("1")
public record SessionResumed(String sessionId, String resumedBy) {
}
