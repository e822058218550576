package app.duet.api.exercise;

/** What an entry in a session holds. */
public enum EntryKind {
    /** Free words. */
    TEXT,
    /** One link of a partner's side of the negative cycle, with its intensity. */
    CYCLE_LINK,
    /** A concrete behaviour of the partner that would move the author closer (baby steps). */
    BEHAVIOUR,
    /** A need for closeness or for space. */
    NEED,
    /** An answer to the partner's need that tells them the bond is safe. */
    REASSURANCE,
    /** Where the author stands (in, back, out) and how much energy they have left. */
    LEAN
}
