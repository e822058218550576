package app.duet.api.couple;

/** Asks for the couples a therapist may observe now. */
public record FindCaseload(String therapistId) {
}
