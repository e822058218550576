package app.duet.api.commitment;

/** How a check-point of a commitment went, in the therapist's judgement. */
public enum CheckpointOutcome {
    KEPT,
    PARTLY_KEPT,
    MISSED
}
