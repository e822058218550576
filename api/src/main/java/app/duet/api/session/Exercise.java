package app.duet.api.session;

/** The guided exercises a joint session can run. */
public enum Exercise {
    CYCLE_MAP,
    RESENTMENT_TO_CLOSENESS,
    BABY_STEPS,
    SPACE_AND_CLOSENESS,
    COMMITMENT,
    CHECK_IN
}
