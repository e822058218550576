package app.duet.api.exercise;

/** The two directions a partner's need can point. */
public enum NeedKind {
    CLOSENESS,
    SPACE
}
