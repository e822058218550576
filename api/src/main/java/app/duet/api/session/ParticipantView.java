package app.duet.api.session;

/** A partner of the session and whether they are present now. */
public record ParticipantView(String partnerId, String displayName, boolean present) {
}
