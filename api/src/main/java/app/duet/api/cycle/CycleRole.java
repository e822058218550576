package app.duet.api.cycle;

/** Which way a partner moves in the loop. */
public enum CycleRole {
    PURSUER,
    WITHDRAWER,
    /** Not enough to say, or as much of one as of the other. */
    UNCLEAR
}
