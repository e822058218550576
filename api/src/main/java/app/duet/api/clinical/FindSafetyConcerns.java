package app.duet.api.clinical;

/** Asks for the safety concerns of a couple that were told to one therapist. */
public record FindSafetyConcerns(String coupleId, String therapistId) {
}
