package app.duet.api.consent;

/** A therapist as the couple sees them: INVITED (waiting for the second consent) or ACTIVE. */
public record TherapistView(String therapistId, String therapistName, TherapistAccess access, String invitedBy) {
}
