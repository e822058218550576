package app.duet.api.session;

/** Whether a joint session still accepts actions. */
public enum SessionStatus {
    RUNNING,
    ENDED
}
