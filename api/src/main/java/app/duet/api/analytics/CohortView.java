package app.duet.api.analytics;

import app.duet.api.cycle.Phase;

import java.util.Map;

/**
 * Figures over every couple Duet holds, with no couple named: how many are in each phase, bids
 * turned toward on average against the research reference, turning points, resentments let go,
 * signs of commitment. Averages are null while nothing counts toward them.
 */
public record CohortView(int couples, Map<Phase, Integer> byPhase, Integer meanTowardPercent, int partnersWithBids,
                         int softenings, int reengagements, int resentmentsReleased, int resentmentsOpen,
                         Integer meanCheckpointsPercent, Integer meanAttendancePercent, Map<String, Integer> sessionsByExercise) {
}
