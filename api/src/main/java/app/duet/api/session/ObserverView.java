package app.duet.api.session;

/** A therapist observing the session now, as the partners see them. */
public record ObserverView(String therapistId, String displayName) {
}
