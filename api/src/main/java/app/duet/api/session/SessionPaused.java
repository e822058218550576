package app.duet.api.session;

import org.axonframework.serialization.Revision;

/** The session is paused; entries and acts wait until it resumes. pausedBy: null when Duet paused it, both partners having been gone for long. */
@Revision("1")
public record SessionPaused(String sessionId, String pausedBy) {
}
