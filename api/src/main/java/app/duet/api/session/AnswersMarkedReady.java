package app.duet.api.session;

import org.axonframework.serialization.Revision;

/**
 * A partner's answers at a step revealed together are ready; the other partner learns that, never
 * what they say. Stored by earlier builds as {@code AnswersSubmitted}, read under this name.
 */
@Revision("1")
public record AnswersMarkedReady(String sessionId, String step, String partnerId) {
}
