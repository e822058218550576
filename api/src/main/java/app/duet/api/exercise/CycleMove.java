package app.duet.api.exercise;

/** The usual shape of a behaviour link: whether it reaches for the partner or moves away. */
public enum CycleMove {
    CRITICISE(true),
    PURSUE(true),
    PLACATE(false),
    WITHDRAW(false),
    SHUT_DOWN(false);

    private final boolean pursuing;

    CycleMove(boolean pursuing) {
        this.pursuing = pursuing;
    }

    /** Criticising and pursuing reach for the partner; placating, withdrawing and shutting down move away. */
    public boolean pursuing() {
        return pursuing;
    }
}
