package app.duet.api.cycle;

import java.time.LocalDate;
import java.util.List;

/**
 * One week of a couple's cycle: each partner's bids settled and turned toward; the mean lean gap over
 * the week's lean-gap points (null without one); warm and hard moments; check-points reviewed and kept
 * (partly kept counts half); and the phase at the week's end.
 */
public record WeekTrendView(LocalDate weekOf, List<PartnerWeekView> partners, Double leanGap, int leanGapPoints,
                            int warm, int hard, int checkpointsReviewed, double checkpointsKept, Phase phase) {

    /** One partner's bids in a week: the share is shown only once {@code settled} reaches the minimum. */
    public record PartnerWeekView(String partnerId, int toward, int settled, ShareView towardShare) {
    }
}
