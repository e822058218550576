package app.duet.query.cycle;

import app.duet.api.cycle.CycleTrendsView;
import app.duet.api.cycle.Phase;
import app.duet.api.cycle.ShareView;
import app.duet.api.cycle.WeekTrendView;
import app.duet.api.cycle.WeekTrendView.PartnerWeekView;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A cycle state's weeks as the trend charts read them: every week from the first to the latest, an
 * empty week in between keeping the phase the one before it ended in.
 */
final class CycleTrends {

    private CycleTrends() {
    }

    static CycleTrendsView of(CycleStateDocument state) {
        int minimum = state.thresholds.minimumForShare();
        List<WeekTrendView> weeks = new ArrayList<>();
        if (!state.weeks.isEmpty()) {
            List<LocalDate> mondays = state.weeks.keySet().stream().map(LocalDate::parse).sorted().toList();
            Phase phase = Phase.NOT_ENOUGH_YET;
            for (LocalDate monday = mondays.get(0); !monday.isAfter(mondays.get(mondays.size() - 1)); monday = monday.plusWeeks(1)) {
                TrendWeek week = state.weeks.get(monday.toString());
                if (week != null && week.phase != null) {
                    phase = week.phase;
                }
                weeks.add(week == null ? empty(monday, state.partnerIds, phase, minimum) : of(monday, week, state.partnerIds, phase, minimum));
            }
        }
        return new CycleTrendsView(state.coupleId, List.copyOf(state.partnerIds), minimum, weeks);
    }

    private static WeekTrendView of(LocalDate monday, TrendWeek week, List<String> partnerIds, Phase phase, int minimum) {
        List<PartnerWeekView> partners = partnerIds.stream().map(id -> {
            int[] bids = week.bids.getOrDefault(id, new int[2]);
            return new PartnerWeekView(id, bids[0], bids[1], ShareView.of(bids[0], bids[1], minimum));
        }).toList();
        Double gap = week.leanGapPoints == 0 ? null : Math.round(10.0 * week.leanGapSum / week.leanGapPoints) / 10.0;
        return new WeekTrendView(monday, partners, gap, week.leanGapPoints, week.warm, week.hard, week.checkpointsReviewed,
                week.checkpointsKept, phase);
    }

    private static WeekTrendView empty(LocalDate monday, List<String> partnerIds, Phase phase, int minimum) {
        return new WeekTrendView(monday, partnerIds.stream()
                .map(id -> new PartnerWeekView(id, 0, 0, ShareView.of(0, 0, minimum))).toList(), null, 0, 0, 0, 0, 0, phase);
    }
}
