package app.duet.api.clinical;

/** Asks for one therapist's own notes about one couple. */
public record FindTherapistNotes(String coupleId, String therapistId) {
}
