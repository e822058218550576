package app.duet.api.cycle;

import java.time.Instant;

/**
 * What the phase is judged on: the couple's history from {@code from} up to its latest evidence
 * ({@code to}), and what it holds against what a phase needs. Until every {@code ...Needed} is 0 the
 * phase is "not enough yet". Warm and hard moments are counts; {@code warmPerHard} appears only once
 * there are enough moments to make a ratio mean something, and while there is a hard one to divide by.
 */
public record PhaseWindowView(Instant from, Instant to, int sessions, int checkIns, int settledBids, int warm, int hard,
                              int sessionsNeeded, int checkInsNeeded, int settledBidsNeeded, Double warmPerHard) {
}
