package app.duet.query.cycle;

import app.duet.api.commitment.CheckpointOutcome;
import app.duet.api.commitment.HomeworkDone;
import app.duet.api.commitment.HomeworkSet;
import app.duet.api.cycle.BidsView;
import app.duet.api.cycle.CycleRole;
import app.duet.api.cycle.CycleStateView;
import app.duet.api.cycle.EvidenceRefView;
import app.duet.api.cycle.GottmanReference;
import app.duet.api.cycle.LeanGapPointView;
import app.duet.api.cycle.MoveRefView;
import app.duet.api.cycle.PartnerCycleView;
import app.duet.api.cycle.SessionRatioView;
import app.duet.api.cycle.ShareView;
import app.duet.api.exercise.BabyStepFollowedUp;
import app.duet.api.exercise.ChangeEvent;
import app.duet.api.exercise.CycleLink;
import app.duet.api.exercise.CycleMove;
import app.duet.api.exercise.Lean;
import app.duet.api.exercise.LetGoProposed;
import app.duet.api.exercise.ResentmentReleased;
import app.duet.api.session.AnswersRevealed;
import app.duet.api.session.BidResponse;
import app.duet.api.session.EntryShared;
import app.duet.api.session.Exercise;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static app.duet.query.cycle.CycleHistory.ANNA;
import static app.duet.query.cycle.CycleHistory.BEN;
import static app.duet.query.cycle.CycleHistory.COUPLE;
import static app.duet.query.cycle.CycleHistory.DAY;
import static app.duet.query.cycle.CycleHistory.OTHER_SESSION;
import static app.duet.query.cycle.CycleHistory.SESSION;
import static app.duet.query.cycle.CycleHistory.THERAPIST;
import static app.duet.query.cycle.CycleHistory.behaviour;
import static app.duet.query.cycle.CycleHistory.confirmed;
import static app.duet.query.cycle.CycleHistory.leanInSession;
import static app.duet.query.cycle.CycleHistory.link;
import static app.duet.query.cycle.CycleHistory.reengaged;
import static app.duet.query.cycle.CycleHistory.revealed;
import static app.duet.query.cycle.CycleHistory.shared;
import static app.duet.query.cycle.CycleHistory.softened;
import static app.duet.query.cycle.CycleHistory.started;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cycle state's figures on hand-made histories: what a private answer may (not) move, bids settled
 * (answered or missed) and their share shown as small while it is small, with its interval and band,
 * shown and declared roles, session ratios, the lean gap, adherence with baby steps followed through,
 * resentments and the last turning points. The phase has its own test ({@link CyclePhaseRulesTest}).
 */
class CycleStateRulesTest {

    private final CycleHistory history = new CycleHistory(CycleThresholds.DEFAULTS);

    private PartnerCycleView partner(String id) {
        return history.partner(id);
    }

    private List<String> ids(String figure) {
        return history.ids(figure);
    }

    @Nested
    class Privacy {

        @Test
        void anAnswerNeverSharedOrRevealedChangesNoFigure() {
            history.coupleInSession();
            CycleStateView before = history.view();

            history.when(behaviour("anna-behaviour", ANNA, CycleMove.CRITICISE));
            assertThat(history.lastChanged).isFalse();
            history.when(link("ben-need", BEN, CycleLink.UNMET_NEED));
            assertThat(history.lastChanged).isFalse();
            history.when(leanInSession("ben-lean", BEN, Lean.OUT, 2));
            assertThat(history.lastChanged).isFalse();
            // Sharing under the other partner's name lets nothing out.
            history.when(new EntryShared(SESSION, "anna-behaviour", BEN));
            assertThat(history.lastChanged).isFalse();
            history.when(new AnswersRevealed(SESSION, "lean", ANNA, List.of(new AnswersRevealed.RevealedEntry(ANNA, "ben-lean"))));
            assertThat(history.lastChanged).isFalse();

            CycleStateView after = history.view();
            assertThat(after).isEqualTo(before);
            assertThat(partner(ANNA).declaredRole()).isEqualTo(CycleRole.UNCLEAR);
            assertThat(partner(BEN).lastLean()).isNull();
            assertThat(after.leanGap()).isEmpty();
            assertThat(after.window().checkIns()).as("a lean no one else saw is no check-in").isZero();
            assertThat(history.state.evidenceFor("declared-role:" + ANNA)).isEmpty();
        }

        @Test
        void onceLetOutTheAnswersCountAsOfTheEventThatLetThemOut() {
            history.coupleInSession();
            history.given(behaviour("anna-behaviour", ANNA, CycleMove.CRITICISE), leanInSession("ben-lean", BEN, Lean.OUT, 2));

            EvidenceRefView share = history.when(shared("anna-behaviour", ANNA));
            assertThat(history.lastChanged).isTrue();
            assertThat(partner(ANNA).declaredRole()).isEqualTo(CycleRole.PURSUER);
            assertThat(ids("declared-role:" + ANNA)).containsExactly(share.eventId());

            EvidenceRefView reveal = history.when(revealed(BEN, "ben-lean"));
            assertThat(partner(BEN).lastLean()).isEqualTo(Lean.OUT);
            assertThat(partner(BEN).withdrawingMoves()).isEqualTo(1);
            assertThat(ids("shown-role:" + BEN)).containsExactly(reveal.eventId());
            assertThat(history.view().window().checkIns()).as("one from Ben, none yet from Anna").isZero();
            assertThat(history.view().window().checkInsNeeded()).isEqualTo(2);

            // Shared once is counted once.
            history.when(shared("anna-behaviour", ANNA));
            assertThat(history.lastChanged).isFalse();
            assertThat(ids("declared-role:" + ANNA)).hasSize(1);
        }

        @ParameterizedTest
        @CsvSource({"CRITICISE, PURSUER", "PURSUE, PURSUER", "WITHDRAW, WITHDRAWER", "SHUT_DOWN, WITHDRAWER",
                "PLACATE, WITHDRAWER"})
        void theMoveOnASharedBehaviourDeclaresTheRole(CycleMove move, CycleRole role) {
            history.coupleInSession();
            history.given(behaviour("ben-behaviour", BEN, move));
            assertThat(partner(BEN).declaredRole()).isEqualTo(CycleRole.UNCLEAR);

            history.given(revealed(BEN, "ben-behaviour"));

            assertThat(partner(BEN).declaredRole()).isEqualTo(role);
            assertThat(partner(BEN).shownRole()).as("a declaration is not a shown move").isEqualTo(CycleRole.UNCLEAR);
        }
    }

    @Nested
    class Bids {

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

    @Test
    void theShownRoleComesFromWhatEachPartnerDid() {
        history.coupleInSession();
        EvidenceRefView bid = history.when(history.sessionBid(ANNA));
        EvidenceRefView everydayBid = history.when(history.everydayBid(ANNA));
        EvidenceRefView softening = history.when(softened("move-1", ANNA));
        EvidenceRefView reengagement = history.when(reengaged("move-2", BEN));
        EvidenceRefView away = history.when(history.everydayAnswer(BEN, BidResponse.AWAY));
        EvidenceRefView missed = history.when(history.appointmentMissed(BEN));
        EvidenceRefView leanOut = history.when(history.leanBetweenSessions(BEN, Lean.OUT, 3));
        history.given(history.everydayMissed(BEN), history.everydayAnswer(ANNA, BidResponse.TOWARD),
                history.leanBetweenSessions(ANNA, Lean.BACK, 6));

        PartnerCycleView anna = partner(ANNA);
        assertThat(anna.pursuingMoves()).isEqualTo(3);
        assertThat(anna.withdrawingMoves()).isZero();
        assertThat(anna.shownRole()).as("three moves are too few to read a role from").isEqualTo(CycleRole.UNCLEAR);
        assertThat(ids("shown-role:" + ANNA)).as("leaning back and turning toward show no move")
                .containsExactly(bid.eventId(), everydayBid.eventId(), softening.eventId());

        PartnerCycleView ben = partner(BEN);
        assertThat(ben.withdrawingMoves()).as("a missed bid shows no move").isEqualTo(4);
        assertThat(ids("shown-role:" + BEN)).containsExactly(reengagement.eventId(), away.eventId(),
                missed.eventId(), leanOut.eventId());
    }

    @Test
    void aShownRoleIsReadOnlyFromTheMinimumOfMoves() {
        CycleHistory few = new CycleHistory(new CycleThresholds(4, Duration.ofDays(28), 2, 2, 10, 5));
        few.coupleInSession();
        few.given(few.everydayBid(ANNA), few.everydayBid(ANNA), few.leanBetweenSessions(ANNA, Lean.OUT, 4),
                few.everydayAnswer(BEN, BidResponse.AWAY), few.leanBetweenSessions(BEN, Lean.OUT, 2),
                few.appointmentMissed(BEN));
        assertThat(few.partner(ANNA).shownRole()).isEqualTo(CycleRole.UNCLEAR);
        assertThat(few.partner(BEN).shownRole()).as("three moves of four").isEqualTo(CycleRole.UNCLEAR);

        few.given(few.everydayBid(ANNA), few.everydayAnswer(BEN, BidResponse.AWAY));

        assertThat(few.partner(ANNA).shownRole()).as("three reaching out, one stepping back").isEqualTo(CycleRole.PURSUER);
        assertThat(few.partner(BEN).shownRole()).isEqualTo(CycleRole.WITHDRAWER);
    }

    @Test
    void warmAndHardMomentsAreCountedPerSession() {
        history.coupleInSession();
        EvidenceRefView toward1 = history.when(history.sessionAnswer(SESSION, BEN, BidResponse.TOWARD));
        EvidenceRefView toward2 = history.when(history.sessionAnswer(SESSION, ANNA, BidResponse.TOWARD));
        EvidenceRefView away = history.when(history.sessionAnswer(SESSION, BEN, BidResponse.AWAY));
        EvidenceRefView against = history.when(history.sessionAnswer(SESSION, ANNA, BidResponse.AGAINST));
        EvidenceRefView softening = history.when(softened("move-1", ANNA));
        // Between sessions: no session's ratio.
        history.given(history.appreciation(BEN), history.everydayAnswer(BEN, BidResponse.AWAY));
        history.given(started(OTHER_SESSION, Exercise.CHECK_IN), history.sessionAnswer(OTHER_SESSION, BEN, BidResponse.TOWARD));
        // A session this couple never started counts in no ratio.
        history.given(history.sessionAnswer("unknown-session", BEN, BidResponse.TOWARD));

        assertThat(history.view().sessions()).containsExactly(
                new SessionRatioView(SESSION, Exercise.CYCLE_MAP, 3, 2),
                new SessionRatioView(OTHER_SESSION, Exercise.CHECK_IN, 1, 0));
        assertThat(ids("session-ratio:" + SESSION)).containsExactly(toward1.eventId(), toward2.eventId(),
                away.eventId(), against.eventId(), softening.eventId());
    }

    @Test
    void theLeanGapFollowsBothPartnersLatestLeansAndListsOnlyTheEventsThatAddedAPoint() {
        history.coupleInSession();
        history.given(history.leanBetweenSessions(ANNA, Lean.IN, 8));
        assertThat(history.view().leanGap()).as("Ben has not checked in yet").isEmpty();
        assertThat(history.state.evidenceFor("lean-gap")).isEmpty();

        EvidenceRefView benOut = history.when(history.leanBetweenSessions(BEN, Lean.OUT, 2));
        EvidenceRefView annaBack = history.when(history.leanBetweenSessions(ANNA, Lean.BACK, 5));

        assertThat(history.view().leanGap()).containsExactly(new LeanGapPointView(benOut.at(), 2),
                new LeanGapPointView(annaBack.at(), 1));
        assertThat(partner(ANNA).lastEnergy()).isEqualTo(5);
        assertThat(ids("lean-gap")).containsExactly(benOut.eventId(), annaBack.eventId());
    }

    @Nested
    class Adherence {

        @Test
        void everyShareIsSmallUntilThereIsEnoughToCount() {
            history.coupleInSession();

            assertThat(history.view().adherence().checkpointsKept()).isEqualTo(new ShareView(0, 0, null, null, null, 10));
            assertThat(history.view().adherence().babyStepsDone().needed()).isEqualTo(10);
        }

        @Test
        void checkpointsKeptCountOnePartlyHalfMissedNothing() {
            history.coupleInSession();
            for (int i = 0; i < 4; i++) {
                history.given(history.checkpoint(CheckpointOutcome.KEPT), history.checkpoint(CheckpointOutcome.MISSED),
                        history.checkpoint(CheckpointOutcome.PARTLY_KEPT));
            }
            ShareView kept = history.view().adherence().checkpointsKept();
            assertThat(kept.of()).isEqualTo(12);
            assertThat(kept.count()).isEqualTo(6.0);
            assertThat(kept.percent()).isEqualTo(50);
            assertThat(kept.low()).isLessThan(50);
            assertThat(kept.high()).isGreaterThan(50);
            assertThat(history.state.evidenceFor("adherence")).hasSize(12);
        }

        @Test
        void homeworkIsDueOncePerPartnerAndAttendanceCountsEachPartner() {
            history.coupleInSession();
            history.given(new HomeworkSet(COUPLE, "hw-1", THERAPIST, "a walk", DAY),
                    new HomeworkDone(COUPLE, "hw-1", ANNA), new HomeworkDone(COUPLE, "hw-1", BEN),
                    history.attended(ANNA, BEN), history.attended(ANNA), history.appointmentMissed(BEN));

            assertThat(history.view().adherence().homeworkSet()).isEqualTo(1);
            assertThat(history.view().adherence().homeworkDone()).isEqualTo(new ShareView(2, 2, null, null, null, 8));
            assertThat(history.view().adherence().attendance().count()).isEqualTo(3);
            assertThat(history.view().adherence().attendance().of()).isEqualTo(4);
        }

        @Test
        void babyStepsFollowedUpCountInTheAdherenceWithTheirEvidence() {
            history.coupleInSession();
            List<String> followUps = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                followUps.add(history.when(new BabyStepFollowedUp(SESSION, "follow-up-" + i, "ben-behaviour", ANNA, i < 7))
                        .eventId());
            }

            ShareView done = history.view().adherence().babyStepsDone();
            assertThat(done.count()).isEqualTo(7);
            assertThat(done.of()).isEqualTo(10);
            assertThat(done.percent()).isEqualTo(70);
            assertThat(ids("adherence")).containsExactlyElementsOf(followUps);
            assertThat(history.view().timeline()).extracting(item -> item.kind().wireName())
                    .contains("baby-step-done", "baby-step-not-done");
            assertThat(history.view().window().warm() + history.view().window().hard())
                    .as("one partner's reports are no moments between the two").isZero();
        }
    }

    @Test
    void resentmentsStayOpenUntilReleased() {
        history.coupleInSession();
        EvidenceRefView first = history.when(new LetGoProposed(SESSION, "pact-1", ANNA, "the birthday"));
        EvidenceRefView second = history.when(new LetGoProposed(SESSION, "pact-2", BEN, "the holiday"));

        EvidenceRefView released = history.when(new ResentmentReleased(SESSION, "pact-1", ANNA, BEN));

        assertThat(history.view().resentmentsOpen()).isEqualTo(1);
        assertThat(history.view().resentmentsReleased()).isEqualTo(1);
        assertThat(ids("resentments")).containsExactly(first.eventId(), second.eventId(), released.eventId());
    }

    @Nested
    class TurningPoints {

        @Test
        void theLastSofteningAndReengagementAreKeptAndTheirConfirmationsMarked() {
            history.coupleInSession();
            EvidenceRefView softening = history.when(softened("move-1", ANNA));
            EvidenceRefView reengagement = history.when(reengaged("move-2", BEN));
            assertThat(history.view().lastSoftening()).isEqualTo(new MoveRefView(ANNA, SESSION, softening.at(), false));

            EvidenceRefView confirmSoftening = history.when(confirmed("move-1", ANNA, ChangeEvent.BLAMER_SOFTENING));
            assertThat(history.view().lastSoftening()).isEqualTo(new MoveRefView(ANNA, SESSION, softening.at(), true));
            assertThat(history.view().lastReengagement().confirmed()).isFalse();
            assertThat(ids("last-softening")).containsExactly(softening.eventId(), confirmSoftening.eventId());

            EvidenceRefView confirmReengagement = history.when(confirmed("move-2", BEN, ChangeEvent.WITHDRAWER_REENGAGEMENT));
            assertThat(history.view().lastReengagement()).isEqualTo(new MoveRefView(BEN, SESSION, reengagement.at(), true));
            assertThat(ids("last-reengagement")).containsExactly(reengagement.eventId(), confirmReengagement.eventId());
        }

        @Test
        void aNewSofteningIsUnconfirmedAgainAndAConfirmationOfAnEarlierOneLeavesItSo() {
            history.coupleInSession();
            history.given(softened("move-1", ANNA));
            EvidenceRefView later = history.when(softened("move-2", ANNA));

            history.when(confirmed("move-1", ANNA, ChangeEvent.BLAMER_SOFTENING));

            assertThat(history.view().lastSoftening()).isEqualTo(new MoveRefView(ANNA, SESSION, later.at(), false));
            assertThat(ids("last-softening")).containsExactly(later.eventId());
        }
    }

    @Nested
    class OneRulePerEvent {

        @Test
        void everyEventWithARuleIsAppliedByIt() {
            List<Class<?>> handled = java.util.Arrays.stream(CycleStateRules.class.getMethods())
                    .filter(method -> method.getName().equals("on")).map(method -> method.getParameterTypes()[0])
                    .toList();
            assertThat(handled).doesNotHaveDuplicates();
            assertThat(CycleStateRules.events()).containsExactlyInAnyOrderElementsOf(handled);
        }

        @Test
        void anEventWithoutARuleChangesNothing() {
            history.coupleInSession();
            CycleStateView before = history.view();

            history.when(new app.duet.api.session.SessionPaused(SESSION, ANNA));

            assertThat(history.lastChanged).isFalse();
            assertThat(history.view()).isEqualTo(before);
        }
    }
}
