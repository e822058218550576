package app.duet.command.deadlines;

/**
 * A deadline's payload that names the couple or session it belongs to, so a deadline of an erased
 * couple is dropped before its aggregate is loaded ({@link ErasedOwnersDeadlines}).
 */
public interface OwnedDeadline {

    /** The couple or session whose aggregate the deadline fires in. */
    String ownerId();
}
