package app.duet.query.cycle;

import app.duet.api.cycle.BidsView;
import app.duet.api.cycle.GottmanReference;
import app.duet.api.cycle.PartnerCycleView;
import app.duet.api.cycle.SessionRatioView;
import app.duet.api.cycle.ShareView;
import app.duet.api.session.BidResponse;
import app.duet.api.session.Exercise;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static app.duet.query.cycle.CycleHistory.ANNA;
import static app.duet.query.cycle.CycleHistory.BEN;
import static app.duet.query.cycle.CycleHistory.SESSION;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bids made to a partner and how they settled them: answered toward, away or against, or missed when
 * left unanswered (a turn away, as in the research); their share shown as small while it is small, then
 * with its 95% Wilson interval, and a band named only when the whole interval lies inside it.
 */
class CycleBidsTest {

    private final CycleHistory history = new CycleHistory(CycleThresholds.DEFAULTS);

    private PartnerCycleView partner(String id) {
        return history.partner(id);
    }

    private List<String> ids(String figure) {
        return history.ids(figure);
    }

    @Test
    void aMissedBidCountsAgainstTheTowardShareAndAnOpenOneDoesNot() {
        history.coupleInSession();
        history.given(history.everydayBid(ANNA), history.sessionBid(ANNA), history.everydayBid(ANNA));
        List<String> settled = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            settled.add(history.when(history.everydayAnswer(BEN, BidResponse.TOWARD)).eventId());
        }
        settled.add(history.when(history.everydayMissed(BEN)).eventId());
        settled.add(history.when(history.sessionMissed(BEN)).eventId());

        BidsView ben = partner(BEN).bids();
        assertThat(ben.toward()).isEqualTo(8);
        assertThat(ben.missed()).isEqualTo(2);
        assertThat(ben.towardShare().of()).as("answered + missed").isEqualTo(10);
        assertThat(ben.towardShare().percent()).isEqualTo(80);
        assertThat(ids("bids-toward:" + BEN)).containsExactlyElementsOf(settled);
        assertThat(history.view().timeline()).extracting(item -> item.kind().wireName()).contains("bid-missed");
        assertThat(history.view().sessions()).as("a missed bid in a session is a hard moment of it")
                .containsExactly(new SessionRatioView(SESSION, Exercise.CYCLE_MAP, 0, 1));

        BidsView anna = partner(ANNA).bids();
        assertThat(anna.towardShare().of()).isZero();
        assertThat(anna.open()).isZero();
    }

    @Test
    void bidsMadeToAPartnerStayOpenUntilSettled() {
        history.coupleInSession();
        history.given(history.everydayBid(ANNA), history.sessionBid(ANNA), history.everydayAnswer(BEN, BidResponse.AWAY));

        assertThat(partner(BEN).bids().open()).isEqualTo(1);
        assertThat(partner(BEN).bids().away()).isEqualTo(1);
    }

    @Test
    void belowTheMinimumThereIsNoPercentageButHowManyMoreItTakes() {
        history.coupleInSession();
        for (int i = 0; i < 9; i++) {
            history.given(history.everydayAnswer(ANNA, BidResponse.TOWARD));
        }

        ShareView share = partner(ANNA).bids().towardShare();
        assertThat(share).isEqualTo(new ShareView(9, 9, null, null, null, 1));
        assertThat(partner(ANNA).bids().referenceBand()).isNull();

        history.given(history.everydayAnswer(ANNA, BidResponse.TOWARD));
        assertThat(partner(ANNA).bids().towardShare().percent()).isEqualTo(100);
    }

    @Test
    void theMinimumIsASetting() {
        CycleHistory lenient = new CycleHistory(new CycleThresholds(3, Duration.ofDays(28), 2, 2, 10, 5));
        lenient.coupleInSession();
        lenient.given(lenient.everydayAnswer(ANNA, BidResponse.TOWARD), lenient.everydayAnswer(ANNA, BidResponse.AWAY));
        assertThat(lenient.partner(ANNA).bids().towardShare().needed()).isEqualTo(1);

        lenient.given(lenient.everydayAnswer(ANNA, BidResponse.TOWARD));
        assertThat(lenient.partner(ANNA).bids().towardShare().percent()).isEqualTo(67);
    }

    /** The 95% Wilson score interval, in whole percents outward; the band only when all of it lies in one. */
    @ParameterizedTest
    @CsvSource({"9, 10, 90, 59, 99, ''", "10, 10, 100, 72, 100, ''", "50, 50, 100, 92, 100, stayed-together",
            "12, 20, 60, 38, 79, between", "0, 20, 0, 0, 17, below-divorced", "5, 20, 25, 11, 47, ''",
            "43, 50, 86, 73, 94, ''"})
    void theShareComesWithItsIntervalAndABandOnlyWhenTheWholeIntervalLiesInIt(int toward, int settled, int percent,
                                                                               int low, int high, String band) {
        history.coupleInSession();
        for (int i = 0; i < settled; i++) {
            history.given(i < toward ? history.everydayAnswer(ANNA, BidResponse.TOWARD) : history.everydayMissed(ANNA));
        }

        BidsView anna = partner(ANNA).bids();
        assertThat(anna.towardShare().percent()).isEqualTo(percent);
        assertThat(anna.towardShare().low()).isEqualTo(low);
        assertThat(anna.towardShare().high()).isEqualTo(high);
        assertThat(anna.referenceBand()).isEqualTo(band.isEmpty() ? null : band);
        assertThat(history.view().reference()).isEqualTo(GottmanReference.BIDS_TURNED_TOWARD);
    }
    
}
