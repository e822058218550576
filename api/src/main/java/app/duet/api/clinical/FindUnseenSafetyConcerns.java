package app.duet.api.clinical;

/** Asks for the safety concerns told to one therapist, across their couples, that they have not read yet. */
public record FindUnseenSafetyConcerns(String therapistId) {
}
