package app.duet.api.cycle;

/** Asks for a couple's cycle state. */
public record FindCycleState(String coupleId) {
}
