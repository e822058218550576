package app.duet.api.exercise;

/** The links of one partner's turn of the negative cycle, in the order the loop runs. */
public enum CycleLink {
    /** What the partner did or said that set things off. */
    TRIGGER,
    /** The first, protective emotion: anger, anxiety, numbness. */
    SECONDARY_EMOTION,
    /** What the author took the partner's move to mean. */
    PERCEPTION,
    /** What the author did next; it is the partner's trigger. */
    BEHAVIOUR,
    /** The softer, vulnerable feeling under the first one: hurt, fear, shame, sadness. */
    PRIMARY_EMOTION,
    /** What the author longed for underneath it all. */
    UNMET_NEED;

    /** How strong a link was felt runs from faint ... */
    public static final int FAINTEST = 1;
    /** ... to overwhelming. */
    public static final int OVERWHELMING = 10;

    public static boolean isIntensity(int intensity) {
        return intensity >= FAINTEST && intensity <= OVERWHELMING;
    }
}
