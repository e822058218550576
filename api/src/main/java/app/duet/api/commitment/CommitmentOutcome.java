package app.duet.api.commitment;

/** How a time-bound commitment ended. Parting respectfully is an honest outcome too. */
public enum CommitmentOutcome {
    IMPROVED,
    CONTINUING,
    PARTING
}
