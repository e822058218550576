package app.duet.api.analytics;

import app.duet.api.cycle.Phase;

import java.util.Map;

/**
 * Figures over every couple Duet holds, with no couple named, shown only for groups of at least
 * {@code minimumGroup} couples ({@code shown} false and every figure null below it), so no single couple
 * can be recovered by subtracting two answers. {@code totals} (sessions by exercise, bids by answer,
 * turning points, resentments let go, appreciations, baby steps) keep counting couples who were erased,
 * anonymously; {@code couples} counts every couple ever paired. How many are in each phase and the
 * averages are of the couples Duet holds now. Averages are null while nothing counts toward them.
 */
public record CohortView(boolean shown, int minimumGroup, Integer couples, Map<String, Integer> totals,
                         Map<Phase, Integer> byPhase, Integer meanTowardPercent, Integer partnersWithBids,
                         Integer meanCheckpointsPercent, Integer meanAttendancePercent) {
}
