package app.duet.api.cycle;

/** Where a couple stands with their negative cycle, from the events under it (see CycleStateView). */
public enum Phase {
    /** The loop runs the show: negative answers outweigh positive ones, or nothing has changed yet. */
    ESCALATED,
    /** Both have named their side of the loop, or positive answers now outweigh negative ones. */
    DE_ESCALATING,
    /** The one who withdraws has let the other in, most recently. */
    RE_ENGAGING,
    /** The one who pursues has voiced the longing under the criticism, most recently. */
    SOFTENING,
    /** Both turning points have happened and positive answers far outweigh negative ones. */
    CONNECTED
}
