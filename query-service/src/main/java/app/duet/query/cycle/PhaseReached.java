package app.duet.query.cycle;

import app.duet.api.cycle.Phase;

/**
 * Told when a couple's serving cycle state enters a phase, for figures kept elsewhere (the cohort's
 * counts of couples who reached each phase) without the cycle state knowing them.
 */
public interface PhaseReached {

    void reached(String coupleId, Phase phase);
}
