package app.duet.query.cycle;

import app.duet.api.commitment.CheckpointOutcome;
import app.duet.api.cycle.CycleTrendsView;
import app.duet.api.cycle.Phase;
import app.duet.api.cycle.WeekTrendView;
import app.duet.api.exercise.Lean;
import app.duet.api.session.BidResponse;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;

import static app.duet.query.cycle.CycleHistory.ANNA;
import static app.duet.query.cycle.CycleHistory.BEN;
import static org.assertj.core.api.Assertions.assertThat;

/** The cycle week by week: each week's figures, empty weeks in between, and the phase each week ended in. */
class CycleTrendsTest {

    private final CycleHistory history = new CycleHistory(new CycleThresholds(2, Duration.ofDays(28), 1, 0, 0, 5));

    @Test
    void eachWeekHoldsItsOwnFiguresAndTheWeeksBetweenAreThereEmpty() {
        history.coupleInSession();
        history.given(history.everydayAnswer(BEN, BidResponse.TOWARD), history.everydayAnswer(BEN, BidResponse.TOWARD),
                history.everydayMissed(BEN), history.everydayAnswer(ANNA, BidResponse.AWAY),
                history.leanBetweenSessions(ANNA, Lean.IN, 7), history.leanBetweenSessions(BEN, Lean.OUT, 3),
                history.leanBetweenSessions(BEN, Lean.BACK, 5), history.checkpoint(CheckpointOutcome.PARTLY_KEPT));
        history.later(Duration.ofDays(14));
        history.given(history.everydayAnswer(ANNA, BidResponse.TOWARD), history.checkpoint(CheckpointOutcome.KEPT));

        CycleTrendsView trends = history.state.trends();

        assertThat(trends.minimum()).isEqualTo(2);
        assertThat(trends.weeks()).extracting(WeekTrendView::weekOf).containsExactly(LocalDate.of(2025, 3, 3),
                LocalDate.of(2025, 3, 10), LocalDate.of(2025, 3, 17));
        WeekTrendView first = trends.weeks().get(0);
        assertThat(first.partners().get(1).partnerId()).isEqualTo(BEN);
        assertThat(first.partners().get(1).toward()).isEqualTo(2);
        assertThat(first.partners().get(1).settled()).isEqualTo(3);
        assertThat(first.partners().get(1).towardShare().percent()).isEqualTo(67);
        assertThat(first.partners().get(0).towardShare().percent()).as("one settled bid is below the minimum").isNull();
        assertThat(first.leanGap()).as("gaps 2 and 1").isEqualTo(1.5);
        assertThat(first.warm()).isEqualTo(3);
        assertThat(first.hard()).isEqualTo(2);
        assertThat(first.checkpointsReviewed()).isEqualTo(1);
        assertThat(first.checkpointsKept()).isEqualTo(0.5);
        assertThat(first.phase()).isEqualTo(Phase.DE_ESCALATING);

        WeekTrendView between = trends.weeks().get(1);
        assertThat(between.warm() + between.hard() + between.checkpointsReviewed()).isZero();
        assertThat(between.leanGap()).isNull();
        assertThat(between.phase()).as("an empty week keeps the phase").isEqualTo(Phase.DE_ESCALATING);

        WeekTrendView last = trends.weeks().get(2);
        assertThat(last.partners().get(0).toward()).isEqualTo(1);
        assertThat(last.checkpointsKept()).isEqualTo(1.0);
    }

    @Test
    void aNewCoupleHasOneWeekNotEnoughYet() {
        CycleHistory fresh = new CycleHistory(CycleThresholds.DEFAULTS);
        fresh.coupleInSession();

        assertThat(fresh.state.trends().weeks()).singleElement().satisfies(week -> {
            assertThat(week.phase()).isEqualTo(Phase.NOT_ENOUGH_YET);
            assertThat(week.partners()).allSatisfy(partner -> assertThat(partner.towardShare().percent()).isNull());
        });
    }
}
