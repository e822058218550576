package app.duet.api.exercise;

/** Who sees an entry written at a step, and when. */
public enum Sharing {
    /** A private reflection: the entry stays with its author for good. */
    OWN,
    /** Each author shares an entry when they are ready; until then only they see it. */
    SHARED,
    /** Both answer privately; the answers appear to both at the same instant, once both are in. */
    REVEALED
}
