package app.duet.api.session;

import org.axonframework.serialization.Revision;

/** A partner's answers at a revealed step are final; the partner learns that they are ready, not what they say. */
@Revision("1")
public record AnswersSubmitted(String sessionId, String step, String partnerId) {
}
