package app.duet.api.session;

import org.axonframework.serialization.Revision;

/** The session is over; nothing more happens in it. endedBy is null when it ended because everyone left. */
@Revision("1")
public record SessionEnded(String sessionId, String endedBy) {
}
