package app.duet.api.exercise;

/** Where a partner stands in the relationship right now. */
public enum Lean {
    /** Reaching, initiating, pushing for contact. */
    IN,
    /** Making room without dropping their own needs. */
    BACK,
    /** Tired, stuck, close to giving up. */
    OUT
}
