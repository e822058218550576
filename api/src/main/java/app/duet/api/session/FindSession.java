package app.duet.api.session;

/** Asks for one joint session's live view. */
public record FindSession(String sessionId) {
}
