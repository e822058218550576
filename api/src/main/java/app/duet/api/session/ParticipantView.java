package app.duet.api.session;

/** A partner of the session, whether they are present now, and the step they are on (null before they pick one). */
public record ParticipantView(String partnerId, String displayName, boolean present, String step) {
}
