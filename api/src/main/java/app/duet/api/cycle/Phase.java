package app.duet.api.cycle;

/**
 * Where a couple stands with their negative cycle, judged over a window of their recent history
 * (see CycleStateView and the README's rules). The first phase is "not enough yet".
 */
public enum Phase {
    /** Too little has happened in the window to say anything: a phase of its own, and the first. */
    NOT_ENOUGH_YET,
    /** The loop runs the show: hard moments outweigh warm ones, and nothing else has changed yet. */
    ESCALATED,
    /** Both have named their side of the loop, or warm moments now outweigh hard ones. */
    DE_ESCALATING,
    /** The one who withdraws has let the other in (confirmed by the therapist, or self-reported without one), most recently. */
    RE_ENGAGING,
    /** The one who pursues has voiced the longing under the criticism (confirmed, or self-reported), most recently. */
    SOFTENING,
    /** Both turning points confirmed by the therapist, and warm moments far outweigh hard ones over the window. */
    CONNECTED
}
