package app.duet.api.exercise;

/** Where a partner stands in the relationship right now. */
public enum Lean {
    /** Reaching, initiating, pushing for contact. */
    IN,
    /** Making room without dropping their own needs. */
    BACK,
    /** Tired, stuck, close to giving up. */
    OUT;

    /** The energy a partner has left, said with their lean, runs from none ... */
    public static final int NO_ENERGY = 0;
    /** ... to plenty. */
    public static final int FULL_ENERGY = 10;

    public static boolean isEnergy(int energy) {
        return energy >= NO_ENERGY && energy <= FULL_ENERGY;
    }
}
