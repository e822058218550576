package app.duet.api.cycle;

/** Asks for the couples a therapist may observe now. */
public record FindCaseload(String therapistId) {
}
