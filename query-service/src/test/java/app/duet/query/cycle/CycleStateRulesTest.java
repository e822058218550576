package app.duet.query.cycle;

import app.duet.api.cycle.CycleRole;
import app.duet.api.cycle.CycleStateView;
import app.duet.api.cycle.EvidenceRefView;
import app.duet.api.cycle.LeanGapPointView;
import app.duet.api.cycle.MoveRefView;
import app.duet.api.cycle.PartnerCycleView;
import app.duet.api.cycle.SessionRatioView;
import app.duet.api.exercise.ChangeEvent;
import app.duet.api.exercise.CycleLink;
import app.duet.api.exercise.CycleMove;
import app.duet.api.exercise.Lean;
import app.duet.api.session.AnswersRevealed;
import app.duet.api.session.BidResponse;
import app.duet.api.session.EntryShared;
import app.duet.api.session.Exercise;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.List;

import static app.duet.query.cycle.CycleHistory.ANNA;
import static app.duet.query.cycle.CycleHistory.BEN;
import static app.duet.query.cycle.CycleHistory.OTHER_SESSION;
import static app.duet.query.cycle.CycleHistory.SESSION;
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
