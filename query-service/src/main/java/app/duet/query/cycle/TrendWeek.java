package app.duet.query.cycle;

import app.duet.api.cycle.Phase;

import java.util.LinkedHashMap;
import java.util.Map;

/** One week's figures, from its Monday (UTC): see {@link app.duet.api.cycle.WeekTrendView}. */
class TrendWeek {
    Map<String, int[]> bids = new LinkedHashMap<>();
    int leanGapSum;
    int leanGapPoints;
    int warm;
    int hard;
    int checkpointsReviewed;
    double checkpointsKept;
    Phase phase;

    /** A partner's bids settled this week: [toward, settled]. */
    int[] bidsOf(String partnerId) {
        return bids.computeIfAbsent(partnerId, id -> new int[2]);
    }
}
