package app.duet.query.cycle;

import app.duet.api.consent.TherapistAccessWithdrawn;
import app.duet.api.cycle.CycleStateView;
import app.duet.api.cycle.EvidenceRefView;
import app.duet.api.cycle.Phase;
import app.duet.api.cycle.TimelineItemView;
import app.duet.api.exercise.ChangeEvent;
import app.duet.api.exercise.CycleMove;
import app.duet.api.exercise.Lean;
import app.duet.api.session.BidResponse;
import app.duet.api.session.Exercise;
import app.duet.api.session.SessionEnded;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static app.duet.query.cycle.CycleHistory.ANNA;
import static app.duet.query.cycle.CycleHistory.BEN;
import static app.duet.query.cycle.CycleHistory.OTHER_SESSION;
import static app.duet.query.cycle.CycleHistory.SESSION;
import static app.duet.query.cycle.CycleHistory.behaviour;
import static app.duet.query.cycle.CycleHistory.confirmed;
import static app.duet.query.cycle.CycleHistory.reengaged;
import static app.duet.query.cycle.CycleHistory.shared;
import static app.duet.query.cycle.CycleHistory.softened;
import static app.duet.query.cycle.CycleHistory.started;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The phase: "not enough yet" until the window holds enough, judged over a window that ends at the
 * latest evidence, turning points that count only once confirmed (or as self-reported without a
 * therapist), connected only with both confirmed, and a session's end that moves nothing by itself.
 */
class CyclePhaseRulesTest {

    /** One session is enough to judge: these tests are about the order of the rules, not the minimum. */
    private static final CycleThresholds ONE_SESSION = new CycleThresholds(10, Duration.ofDays(28), 1, 0, 0, 5);

    private CycleHistory history = new CycleHistory(ONE_SESSION);

    private void assertPhaseChangedAt(Phase phase, EvidenceRefView changing) {
        CycleStateView view = history.view();
        assertThat(view.phase()).isEqualTo(phase);
        assertThat(view.phaseSince()).isEqualTo(changing.at());
        assertThat(history.ids("phase")).contains(changing.eventId());
        TimelineItemView change = view.timeline().get(view.timeline().size() - 1);
        assertThat(change.kind().phaseReached()).isEqualTo(phase);
        assertThat(change.eventId()).isEqualTo(changing.eventId());
        assertThat(change.figure()).isEqualTo("phase-change:" + changing.eventId());
        assertThat(history.ids(change.figure())).as("the change lists the events behind it").isEqualTo(history.ids("phase"));
    }

    @Nested
    class NotEnoughYet {

        @Test
        void aNewCoupleIsNotEnoughYetAndIsToldWhatWouldChangeThat() {
            history = new CycleHistory(CycleThresholds.DEFAULTS);
            history.coupleInSession();

            CycleStateView view = history.view();
            assertThat(view.phase()).isEqualTo(Phase.NOT_ENOUGH_YET);
            assertThat(view.window().sessions()).isEqualTo(1);
            assertThat(view.window().sessionsNeeded()).isEqualTo(1);
            assertThat(view.window().checkInsNeeded()).isEqualTo(2);
            assertThat(view.window().settledBidsNeeded()).isEqualTo(10);
            assertThat(view.window().to()).as("the date of the latest evidence").isEqualTo(history.refs.get(4).at());
            assertThat(history.phaseNotes()).isEmpty();
        }

        @Test
        void aPhaseIsJudgedOnlyOnceTheWindowHoldsEverythingItNeeds() {
            history = new CycleHistory(CycleThresholds.DEFAULTS);
            history.coupleInSession();
            history.sessionTogether(OTHER_SESSION, Exercise.CHECK_IN);
            history.given(history.leanBetweenSessions(ANNA, Lean.IN, 7), history.leanBetweenSessions(ANNA, Lean.IN, 8),
                    history.leanBetweenSessions(BEN, Lean.BACK, 5));
            assertThat(history.view().window().checkInsNeeded()).as("two from Anna, one from Ben").isEqualTo(1);
            history.given(history.leanBetweenSessions(BEN, Lean.BACK, 6));
            for (int i = 0; i < 9; i++) {
                history.given(history.everydayAnswer(i % 2 == 0 ? ANNA : BEN, BidResponse.TOWARD));
            }
            assertThat(history.view().phase()).as("nine settled bids of ten").isEqualTo(Phase.NOT_ENOUGH_YET);
            assertThat(history.view().window().settledBidsNeeded()).isEqualTo(1);

            EvidenceRefView tenth = history.when(history.everydayAnswer(BEN, BidResponse.AWAY));

            assertPhaseChangedAt(Phase.DE_ESCALATING, tenth);
            assertThat(history.view().window().warm()).isEqualTo(9);
            assertThat(history.view().window().hard()).isEqualTo(1);
            assertThat(history.state.evidenceFor("phase")).as("the warm moments that outweighed, and the event")
                    .allMatch(ref -> ref.type().equals("EverydayBidAnswered"));
        }

        @Test
        void aSessionCountsOnceBothPartnersJoinedIt() {
            history = new CycleHistory(ONE_SESSION);
            history.given(new app.duet.api.pairing.CoupleCreated(CycleHistory.COUPLE, ANNA, "Anna", "CODE-1", CycleHistory.T0),
                    new app.duet.api.pairing.PartnerJoinedCouple(CycleHistory.COUPLE, BEN, "Ben"),
                    started(SESSION, Exercise.CYCLE_MAP), new app.duet.api.session.PartnerJoinedSession(SESSION, ANNA));
            assertThat(history.view().window().sessions()).as("started, and only Anna came").isZero();
            assertThat(history.view().phase()).isEqualTo(Phase.NOT_ENOUGH_YET);

            EvidenceRefView benJoins = history.when(new app.duet.api.session.PartnerJoinedSession(SESSION, BEN));

            assertThat(history.view().window().sessions()).isEqualTo(1);
            assertPhaseChangedAt(Phase.ESCALATED, benJoins);
        }

        @Test
        void evidenceOlderThanTheWindowStopsCountingWhenTheNextEventHappens() {
            history.coupleInSession();
            history.given(history.appreciation(ANNA));
            assertThat(history.view().phase()).isEqualTo(Phase.DE_ESCALATING);

            history.later(Duration.ofDays(35));
            EvidenceRefView weeksLater = history.when(history.appreciation(BEN));

            assertPhaseChangedAt(Phase.NOT_ENOUGH_YET, weeksLater);
            assertThat(history.view().window().sessions()).as("the session fell out of the window").isZero();
            assertThat(history.view().window().from()).as("whole days, the latest one's included")
                    .isEqualTo(weeksLater.at().truncatedTo(java.time.temporal.ChronoUnit.DAYS).minus(Duration.ofDays(27)));
        }
    }

    @Nested
    class Order {

        @Test
        void asManyHardMomentsAsWarmOnesWithNothingElseIsEscalated() {
            history.coupleInSession();
            assertThat(history.view().phase()).isEqualTo(Phase.ESCALATED);

            EvidenceRefView warm = history.when(history.appreciation(ANNA));
            assertPhaseChangedAt(Phase.DE_ESCALATING, warm);

            EvidenceRefView hard = history.when(history.everydayMissed(BEN));
            assertPhaseChangedAt(Phase.ESCALATED, hard);
        }

        @Test
        void bothNamingTheirSideIsDeEscalating() {
            history.coupleInSession();
            history.given(behaviour("anna-behaviour", ANNA, CycleMove.CRITICISE));
            EvidenceRefView annaShares = history.when(shared("anna-behaviour", ANNA));
            history.given(behaviour("ben-behaviour", BEN, CycleMove.WITHDRAW));
            assertThat(history.view().phase()).isEqualTo(Phase.ESCALATED);

            EvidenceRefView benShares = history.when(shared("ben-behaviour", BEN));

            assertPhaseChangedAt(Phase.DE_ESCALATING, benShares);
            assertThat(history.ids("phase")).containsExactly(annaShares.eventId(), benShares.eventId());
        }

        @Test
        void aRelapseOutranksEverythingElse() {
            history.coupleInSession();
            history.withTherapist();
            history.given(reengaged("move-1", BEN), softened("move-2", ANNA),
                    confirmed("move-1", BEN, ChangeEvent.WITHDRAWER_REENGAGEMENT),
                    confirmed("move-2", ANNA, ChangeEvent.BLAMER_SOFTENING));
            assertThat(history.view().phase()).isEqualTo(Phase.SOFTENING);

            EvidenceRefView first = history.when(history.everydayMissed(ANNA));
            EvidenceRefView second = history.when(history.everydayMissed(BEN));
            EvidenceRefView third = history.when(history.everydayAnswer(BEN, BidResponse.AGAINST));

            assertPhaseChangedAt(Phase.ESCALATED, third);
            assertThat(history.ids("phase")).as("the hard moments that outweighed the warm ones")
                    .containsExactly(first.eventId(), second.eventId(), third.eventId());
        }
    }

    @Nested
    class TurningPoints {

        @Test
        void withATherapistATurningPointMovesThePhaseOnlyOnceConfirmed() {
            history.coupleInSession();
            history.withTherapist();

            EvidenceRefView softening = history.when(softened("move-1", ANNA));
            assertThat(history.view().phase()).as("unconfirmed, it moves nothing").isEqualTo(Phase.ESCALATED);
            assertThat(history.view().window().warm()).isZero();
            assertThat(history.view().lastSoftening().confirmed()).as("shown, as unconfirmed").isFalse();
            assertThat(history.view().selfReported()).isFalse();

            EvidenceRefView confirmation = history.when(confirmed("move-1", ANNA, ChangeEvent.BLAMER_SOFTENING));

            assertPhaseChangedAt(Phase.SOFTENING, confirmation);
            assertThat(history.view().window().warm()).as("the confirmation is the warm moment").isEqualTo(1);
            assertThat(history.ids("phase")).containsExactly(softening.eventId(), confirmation.eventId());
        }

        @Test
        void withoutATherapistATurningPointCountsAsSelfReportedAndNeverConnects() {
            history.coupleInSession();
            EvidenceRefView softening = history.when(softened("move-1", ANNA));
            assertPhaseChangedAt(Phase.SOFTENING, softening);
            assertThat(history.view().selfReported()).isTrue();
            assertThat(history.view().hasTherapist()).isFalse();

            history.given(reengaged("move-2", BEN));
            for (int i = 0; i < 12; i++) {
                history.given(history.appreciation(i % 2 == 0 ? ANNA : BEN));
            }

            assertThat(history.view().phase()).isEqualTo(Phase.RE_ENGAGING);
            assertThat(history.view().selfReported()).isTrue();
            assertThat(history.phaseNotes()).doesNotContain("phase-connected");
        }

        @Test
        void aTherapistArrivingTakesTheSelfReportedTurningPointsOutOfThePhase() {
            history.coupleInSession();
            history.given(softened("move-1", ANNA));
            assertThat(history.view().phase()).isEqualTo(Phase.SOFTENING);

            history.withTherapist();

            assertThat(history.view().phase()).isEqualTo(Phase.DE_ESCALATING);
            assertThat(history.view().selfReported()).isFalse();
            assertThat(history.view().hasTherapist()).isTrue();

            history.given(new TherapistAccessWithdrawn(CycleHistory.COUPLE, CycleHistory.THERAPIST, BEN));
            assertThat(history.view().phase()).as("without a therapist again").isEqualTo(Phase.SOFTENING);
            assertThat(history.view().selfReported()).isTrue();
        }

        @Test
        void aMoveTheTherapistSawAndDidNotConfirmNeverBecomesSelfReported() {
            history.coupleInSession();
            history.withTherapist();
            history.given(reengaged("move-1", BEN));

            history.given(new TherapistAccessWithdrawn(CycleHistory.COUPLE, CycleHistory.THERAPIST, BEN));

            assertThat(history.view().phase()).isEqualTo(Phase.ESCALATED);
            assertThat(history.view().selfReported()).isFalse();
        }

        @Test
        void connectedNeedsBothTurningPointsConfirmedAndFiveWarmMomentsToEachHardOne() {
            history.coupleInSession();
            history.withTherapist();
            history.given(reengaged("move-1", BEN), softened("move-2", ANNA),
                    confirmed("move-2", ANNA, ChangeEvent.BLAMER_SOFTENING), history.appreciation(ANNA),
                    history.appreciation(BEN), history.appreciation(ANNA), history.everydayMissed(ANNA));
            assertThat(history.view().phase()).as("the re-engagement is not confirmed").isEqualTo(Phase.SOFTENING);
            assertThat(history.view().window().warm()).as("three appreciations and one confirmation").isEqualTo(4);

            EvidenceRefView confirmation = history.when(confirmed("move-1", BEN, ChangeEvent.WITHDRAWER_REENGAGEMENT));

            assertPhaseChangedAt(Phase.CONNECTED, confirmation);
            history.given(history.everydayMissed(BEN));
            assertThat(history.view().phase()).as("5 warm to 2 hard").isEqualTo(Phase.SOFTENING);
        }

        @Test
        void confirmingAnEarlierMoveCountsItThoughTheLastOneStaysUnconfirmed() {
            history.coupleInSession();
            history.withTherapist();
            history.given(softened("move-1", ANNA), softened("move-2", ANNA));

            history.given(confirmed("move-1", ANNA, ChangeEvent.BLAMER_SOFTENING));

            assertThat(history.view().phase()).isEqualTo(Phase.SOFTENING);
            assertThat(history.view().lastSoftening().confirmed()).isFalse();
        }
    }

    @Test
    void endingASessionNeverMovesThePhaseByItself() {
        history.coupleInSession();
        history.withTherapist();
        history.given(history.sessionAnswer(SESSION, BEN, BidResponse.TOWARD), softened("move-1", ANNA));
        CycleStateView before = history.view();

        history.when(new SessionEnded(SESSION, ANNA));

        assertThat(history.lastChanged).isFalse();
        assertThat(history.view()).isEqualTo(before);
    }

}
