package app.duet.api.exercise;

/** Things a partner does in a session that are not entries: they are seen by both as they happen. */
public enum Act {
    /** Voicing the longing under a pursuer's usual criticism. */
    SOFTENING,
    /** Letting the partner in on the hurt instead of retreating. */
    REENGAGEMENT,
    /** Choosing from the partner's list, offering a smaller step, committing to a step. */
    BABY_STEP,
    /** Proposing or agreeing to let an old resentment go. */
    LET_GO
}
