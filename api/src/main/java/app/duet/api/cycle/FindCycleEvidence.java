package app.duet.api.cycle;

/** Asks for the events behind one figure of a couple's cycle state. */
public record FindCycleEvidence(String coupleId, String figure) {
}
