package app.duet.api.session;

/** Asks for a partner's own unshared drafts in a session. */
public record FindMyDrafts(String sessionId, String authorId) {
}
