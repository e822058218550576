package app.duet.api.session;

import org.axonframework.serialization.Revision;

/** The session is paused; entries and acts wait until it resumes. */
@Revision("1")
public record SessionPaused(String sessionId, String pausedBy) {
}
