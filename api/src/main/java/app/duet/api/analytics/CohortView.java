package app.duet.api.analytics;

import app.duet.api.cycle.Phase;
import app.duet.api.cycle.ShareView;

import java.util.Map;

/**
 * Figures over every couple Duet ever held, with no couple named, and unchanged by an erasure: they are
 * counted from rows of counts that outlive the couples and no longer know whose they were. Nothing is
 * shown for fewer than {@code minimumGroup} couples ({@code shown} false, every figure null), and a total
 * of a group (the sessions of one exercise, the couples who reached one phase, ...) only when at least
 * that many couples are in it, so no single couple can be recovered by subtracting two answers.
 * {@code totals} by name ({@code sessions.CHECK_IN}, {@code bids.MISSED}, {@code reached.CONNECTED},
 * {@code checkpoints.KEPT}, {@code appointments.attended}, ...); the shares are shown as small while small.
 */
public record CohortView(boolean shown, int minimumGroup, Integer couples, Map<String, Integer> totals,
                         Map<Phase, Integer> reachedPhase, ShareView towardShare, ShareView checkpointsKept,
                         ShareView attendance) {
}
