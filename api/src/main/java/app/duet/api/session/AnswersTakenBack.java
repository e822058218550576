package app.duet.api.session;

import org.axonframework.serialization.Revision;

/** A partner took their ready answers back before the countdown: they may change them again. */
@Revision("1")
public record AnswersTakenBack(String sessionId, String step, String partnerId) {
}
