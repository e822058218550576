package app.duet.api.exercise;

import org.axonframework.serialization.Revision;

/** Both partners made the pact: the resentment is let go. */
@Revision("1")
public record ResentmentReleased(String sessionId, String pactId, String proposedBy, String agreedBy) {
}
