package app.duet.api.commitment;

/** Where a time-bound commitment stands. */
public enum CommitmentStatus {
    /** Proposed or adjusted, waiting for both partners to accept it as it stands. */
    PROPOSED,
    MADE,
    CONCLUDED
}
