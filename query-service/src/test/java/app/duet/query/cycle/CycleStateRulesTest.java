package app.duet.query.cycle;

import app.duet.api.commitment.CheckpointOutcome;
import app.duet.api.commitment.CheckpointReviewed;
import app.duet.api.commitment.HomeworkDone;
import app.duet.api.commitment.HomeworkSet;
import app.duet.api.commitment.AppointmentAttended;
import app.duet.api.commitment.AppointmentMissed;
import app.duet.api.pairing.CoupleCreated;
import app.duet.api.pairing.PartnerJoinedCouple;
import app.duet.api.cycle.AdherenceView;
import app.duet.api.cycle.CycleRole;
import app.duet.api.cycle.CycleStateView;
import app.duet.api.cycle.EvidenceRefView;
import app.duet.api.cycle.GottmanReference;
import app.duet.api.cycle.LeanGapPointView;
import app.duet.api.cycle.MoveRefView;
import app.duet.api.cycle.PartnerCycleView;
import app.duet.api.cycle.Phase;
import app.duet.api.cycle.SessionRatioView;
import app.duet.api.everyday.AppreciationExpressed;
import app.duet.api.everyday.EverydayBidAnswered;
import app.duet.api.everyday.EverydayBidMade;
import app.duet.api.exercise.BlamerSoftened;
import app.duet.api.exercise.ChangeEvent;
import app.duet.api.exercise.ChangeEventConfirmed;
import app.duet.api.exercise.CycleLink;
import app.duet.api.exercise.CycleLinkRecorded;
import app.duet.api.exercise.CycleMove;
import app.duet.api.exercise.Lean;
import app.duet.api.everyday.LeanCheckedIn;
import app.duet.api.exercise.LeanRecorded;
import app.duet.api.exercise.LetGoProposed;
import app.duet.api.exercise.ResentmentReleased;
import app.duet.api.exercise.WithdrawerReengaged;
import app.duet.api.session.AnswersRevealed;
import app.duet.api.session.BidAnswered;
import app.duet.api.session.BidMade;
import app.duet.api.session.BidResponse;
import app.duet.api.session.EntryShared;
import app.duet.api.session.Exercise;
import app.duet.api.session.SessionStarted;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cycle-state rules on hand-made event sequences: phases and when they change, what a private
 * answer may (not) move, bids turned toward against Gottman's reference, shown and declared roles,
 * session ratios, the lean gap, adherence, resentments and the last turning points.
 */
class CycleStateRulesTest {

    private static final String COUPLE = "couple-1";
    private static final String ANNA = "anna";
    private static final String BEN = "ben";
    private static final String SESSION = "session-1";
    private static final String OTHER_SESSION = "session-2";
    private static final String THERAPIST = "therapist-1";
    private static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");
    private static final LocalDate DAY = LocalDate.of(2025, 3, 1);

    private final CycleStateDocument state = new CycleStateDocument(COUPLE);
    private final CycleStateRules rules = new CycleStateRules(state);
    private final List<EvidenceRefView> refs = new ArrayList<>();
    private int ids;
    private boolean lastChanged;

    // --- helpers --------------------------------------------------------------------------------

    /** Applies the events one minute apart, with ids e1, e2, ...; returns the state. */
    private CycleStateDocument given(Object... events) {
        for (Object event : events) {
            when(event);
        }
        return state;
    }

    /** Applies one event and returns its ref; {@link #lastChanged} says what apply answered. */
    private EvidenceRefView when(Object event) {
        int n = refs.size() + 1;
        EvidenceRefView ref = new EvidenceRefView("e" + n, event.getClass().getSimpleName(), aggregateOf(event),
                T0.plus(Duration.ofMinutes(n)));
        refs.add(ref);
        lastChanged = rules.apply(event, ref);
        return ref;
    }

    private static String aggregateOf(Object event) {
        if (event instanceof SessionStarted started) {
            return started.sessionId();
        }
        if (event instanceof LeanCheckedIn lean) {
            return COUPLE;
        }
        String name = event.getClass().getPackageName();
        return name.endsWith(".session") || name.endsWith(".exercise") ? SESSION : COUPLE;
    }

    private EvidenceRefView last() {
        return refs.get(refs.size() - 1);
    }

    private CycleStateView view() {
        return state.toView();
    }

    private PartnerCycleView partner(String id) {
        return view().partners().stream().filter(p -> p.partnerId().equals(id)).findFirst().orElseThrow();
    }

    private List<String> ids(String figure) {
        return state.evidenceFor(figure).stream().map(EvidenceRefView::eventId).toList();
    }

    private List<String> phaseNotes() {
        return view().timeline().stream().map(item -> item.kind().wireName()).filter(kind -> kind.startsWith("phase-"))
                .toList();
    }

    private String next(String prefix) {
        return prefix + "-" + (++ids);
    }

    /** Anna created the couple, Ben joined, and Anna started a cycle-map session. */
    private void coupleInSession() {
        given(new CoupleCreated(COUPLE, ANNA, "Anna", "CODE-1", T0.plus(Duration.ofDays(7))),
                new PartnerJoinedCouple(COUPLE, BEN, "Ben"),
                started(SESSION, Exercise.CYCLE_MAP));
    }

    private static SessionStarted started(String sessionId, Exercise exercise) {
        return new SessionStarted(sessionId, COUPLE, exercise, List.of(ANNA, BEN), ANNA);
    }

    private static CycleLinkRecorded behaviour(String entryId, String author, CycleMove move) {
        return new CycleLinkRecorded(SESSION, entryId, author, "my-side", CycleLink.BEHAVIOUR, 7, move, "words");
    }

    private static CycleLinkRecorded link(String entryId, String author, CycleLink link) {
        return new CycleLinkRecorded(SESSION, entryId, author, "my-side", link, 5, null, "words");
    }

    private static EntryShared shared(String entryId, String author) {
        return new EntryShared(SESSION, entryId, author);
    }

    private static AnswersRevealed revealed(String... authorThenEntry) {
        List<AnswersRevealed.RevealedEntry> entries = new ArrayList<>();
        for (int i = 0; i < authorThenEntry.length; i += 2) {
            entries.add(new AnswersRevealed.RevealedEntry(authorThenEntry[i], authorThenEntry[i + 1]));
        }
        return new AnswersRevealed(SESSION, "my-side", ANNA, entries);
    }

    private AppreciationExpressed appreciation(String from) {
        return new AppreciationExpressed(COUPLE, next("appreciation"), from, other(from), "thank you");
    }

    private static BlamerSoftened softened(String moveId, String partner) {
        return new BlamerSoftened(SESSION, moveId, partner, "I long for you");
    }

    private static WithdrawerReengaged reengaged(String moveId, String partner) {
        return new WithdrawerReengaged(SESSION, moveId, partner, "I went quiet because I was hurt");
    }

    private static ChangeEventConfirmed confirmed(String moveId, String partner, ChangeEvent change) {
        return new ChangeEventConfirmed(SESSION, moveId, partner, change, THERAPIST);
    }

    private BidMade sessionBid(String from) {
        return new BidMade(SESSION, next("bid"), from, other(from), "look at this");
    }

    private EverydayBidMade everydayBid(String from) {
        return new EverydayBidMade(COUPLE, next("bid"), from, other(from), "coffee?");
    }

    private BidAnswered sessionAnswer(String sessionId, String by, BidResponse response) {
        return new BidAnswered(sessionId, next("bid"), by, response);
    }

    private EverydayBidAnswered everydayAnswer(String by, BidResponse response) {
        return new EverydayBidAnswered(COUPLE, next("bid"), by, response);
    }

    private AppointmentMissed missed(String partner) {
        return new AppointmentMissed(COUPLE, next("meeting"), DAY, partner);
    }

    private AppointmentAttended attended(String... partners) {
        return new AppointmentAttended(COUPLE, next("meeting"), DAY, List.of(partners), THERAPIST);
    }

    private CheckpointReviewed checkpoint(CheckpointOutcome outcome) {
        return new CheckpointReviewed(COUPLE, "commitment-1", DAY.plusDays(++ids), outcome, THERAPIST);
    }

    private LeanCheckedIn leanBetweenSessions(String partner, Lean lean, int energy) {
        return new LeanCheckedIn(COUPLE, next("check-in"), partner, lean, energy);
    }

    private static LeanRecorded leanInSession(String entryId, String partner, Lean lean, int energy) {
        return new LeanRecorded(SESSION, COUPLE, entryId, partner, "lean", lean, energy);
    }

    private static String other(String partner) {
        return ANNA.equals(partner) ? BEN : ANNA;
    }

    /** Both partners named their side of the loop: de-escalating, with no moment in the window yet. */
    private void bothNamedTheLoop() {
        coupleInSession();
        given(behaviour("anna-behaviour", ANNA, CycleMove.CRITICISE), shared("anna-behaviour", ANNA),
                behaviour("ben-behaviour", BEN, CycleMove.WITHDRAW), shared("ben-behaviour", BEN));
        assertThat(state.phase()).isEqualTo(Phase.DE_ESCALATING);
    }

    private void assertPhaseChangedAt(Phase phase, EvidenceRefView changing) {
        CycleStateView view = view();
        assertThat(view.phase()).isEqualTo(phase);
        assertThat(view.phaseSince()).isEqualTo(changing.at());
        assertThat(ids("phase")).contains(changing.eventId());
        assertThat(view.timeline()).last().satisfies(item -> {
            assertThat(item.kind().wireName()).isEqualTo("phase-" + phase.name().toLowerCase().replace('_', '-'));
            assertThat(item.eventId()).isEqualTo(changing.eventId());
        });
    }

    // --- phases ---------------------------------------------------------------------------------

    @Nested
    class Phases {

        @Test
        void aCoupleStartsEscalatedSinceItWasCreated() {
            EvidenceRefView created = when(new CoupleCreated(COUPLE, ANNA, "Anna", "CODE-1", T0.plus(Duration.ofDays(7))));
            given(new PartnerJoinedCouple(COUPLE, BEN, "Ben"), started(SESSION, Exercise.CYCLE_MAP));

            assertThat(view().phase()).isEqualTo(Phase.ESCALATED);
            assertThat(view().phaseSince()).isEqualTo(created.at());
            assertThat(state.evidenceFor("phase")).isEmpty();
            assertThat(phaseNotes()).isEmpty();
        }

        @Test
        void escalatedTurnsDeEscalatingOnceBothPartnersLinksAreVisible() {
            coupleInSession();
            given(behaviour("anna-behaviour", ANNA, CycleMove.PURSUE), link("ben-trigger", BEN, CycleLink.TRIGGER),
                    shared("anna-behaviour", ANNA));
            assertThat(state.phase()).as("only Anna has let her side out").isEqualTo(Phase.ESCALATED);

            EvidenceRefView reveal = when(revealed(BEN, "ben-trigger"));

            assertPhaseChangedAt(Phase.DE_ESCALATING, reveal);
            assertThat(ids("named-the-loop")).containsExactly("e4", "e6", "e5", reveal.eventId());
        }

        @Test
        void escalatedTurnsDeEscalatingWhenPositiveMomentsOutweighNegativeOnes() {
            coupleInSession();
            given(appreciation(ANNA), everydayAnswer(BEN, BidResponse.AWAY));
            assertThat(state.phase()).as("two moments are not enough to judge").isEqualTo(Phase.ESCALATED);

            EvidenceRefView third = when(appreciation(BEN));

            assertPhaseChangedAt(Phase.DE_ESCALATING, third);
        }

        @Test
        void deEscalatingTurnsReEngagingWhenTheWithdrawerReengages() {
            bothNamedTheLoop();

            EvidenceRefView reengaged = when(reengaged("move-1", BEN));

            assertPhaseChangedAt(Phase.RE_ENGAGING, reengaged);
        }

        @Test
        void theLatestTurningPointNamesThePhase() {
            bothNamedTheLoop();
            given(reengaged("move-1", BEN));

            EvidenceRefView softened = when(softened("move-2", ANNA));
            assertPhaseChangedAt(Phase.SOFTENING, softened);
            assertThat(ids("phase")).as("the re-engagement before it is behind it too").contains("e8", softened.eventId());

            EvidenceRefView reengagedAgain = when(reengaged("move-3", BEN));
            assertPhaseChangedAt(Phase.RE_ENGAGING, reengagedAgain);
        }

        @Test
        void bothTurningPointsAndFivePositivesToEachNegativeAreConnected() {
            bothNamedTheLoop();
            given(reengaged("move-1", BEN), softened("move-2", ANNA), appreciation(ANNA), appreciation(BEN));
            assertThat(state.phase()).as("four positives, no negative").isEqualTo(Phase.SOFTENING);

            EvidenceRefView fifth = when(appreciation(ANNA));
            assertPhaseChangedAt(Phase.CONNECTED, fifth);

            given(everydayAnswer(BEN, BidResponse.AWAY));
            assertThat(state.phase()).as("5 positives to 1 negative still is 5 to 1").isEqualTo(Phase.CONNECTED);
            assertThat(view().phaseSince()).isEqualTo(fifth.at());
        }

        @Test
        void aRelapseAfterConnectionIsEscalated() {
            bothNamedTheLoop();
            given(reengaged("move-1", BEN), softened("move-2", ANNA), appreciation(ANNA), appreciation(BEN),
                    appreciation(ANNA));
            assertThat(state.phase()).isEqualTo(Phase.CONNECTED);

            // Five positives in the window: a relapse takes six negatives. On the way, the ratio
            // falls below five to one and the latest turning point names the phase again.
            for (int i = 0; i < 5; i++) {
                given(i % 2 == 0 ? missed(BEN) : everydayAnswer(BEN, BidResponse.AWAY));
                assertThat(state.phase()).isNotEqualTo(Phase.ESCALATED);
            }
            EvidenceRefView sixth = when(everydayAnswer(ANNA, BidResponse.AGAINST));

            assertPhaseChangedAt(Phase.ESCALATED, sixth);
            assertThat(phaseNotes()).containsExactly("phase-de-escalating", "phase-re-engaging", "phase-softening",
                    "phase-connected", "phase-softening", "phase-escalated");
        }

        @Test
        void aRelapseOutranksHavingNamedTheLoopButNeedsThreeMoments() {
            bothNamedTheLoop();
            given(missed(BEN), everydayAnswer(ANNA, BidResponse.AGAINST));
            assertThat(state.phase()).as("two moments are not enough to judge").isEqualTo(Phase.DE_ESCALATING);

            EvidenceRefView third = when(missed(BEN));

            assertPhaseChangedAt(Phase.ESCALATED, third);
        }

        @Test
        void deEscalationByMomentsLastsOnlyWhilePositivesOutweighNegatives() {
            coupleInSession();
            given(missed(BEN), missed(ANNA), appreciation(ANNA), appreciation(BEN));
            assertThat(state.phase()).as("two against two").isEqualTo(Phase.ESCALATED);
            EvidenceRefView outweighing = when(appreciation(ANNA));
            assertPhaseChangedAt(Phase.DE_ESCALATING, outweighing);

            EvidenceRefView even = when(missed(BEN));

            assertPhaseChangedAt(Phase.ESCALATED, even);
        }
    }

    // --- privacy --------------------------------------------------------------------------------

    @Nested
    class Privacy {

        @Test
        void anAnswerNeverSharedOrRevealedChangesNoFigure() {
            coupleInSession();
            CycleStateView before = view();
            List<String> figuresBefore = before.figures();

            when(behaviour("anna-behaviour", ANNA, CycleMove.CRITICISE));
            assertThat(lastChanged).isFalse();
            when(link("ben-need", BEN, CycleLink.UNMET_NEED));
            assertThat(lastChanged).isFalse();
            when(leanInSession("ben-lean", BEN, Lean.OUT, 2));
            assertThat(lastChanged).isFalse();
            // Sharing under the other partner's name lets nothing out.
            when(new EntryShared(SESSION, "anna-behaviour", BEN));
            assertThat(lastChanged).isFalse();
            when(new AnswersRevealed(SESSION, "lean", ANNA, List.of(new AnswersRevealed.RevealedEntry(ANNA, "ben-lean"))));
            assertThat(lastChanged).isFalse();

            CycleStateView after = view();
            assertThat(after).isEqualTo(before);
            assertThat(after.timeline()).isEqualTo(before.timeline());
            assertThat(after.figures()).isEqualTo(figuresBefore);
            assertThat(partner(ANNA).declaredRole()).isEqualTo(CycleRole.UNCLEAR);
            assertThat(partner(BEN).lastLean()).isNull();
            assertThat(partner(BEN).lastEnergy()).isNull();
            assertThat(after.leanGap()).isEmpty();
            assertThat(after.phase()).isEqualTo(Phase.ESCALATED);
            assertThat(state.evidenceFor("declared-role:" + ANNA)).isEmpty();
        }

        @Test
        void onceLetOutTheAnswersCount() {
            coupleInSession();
            EvidenceRefView written = when(behaviour("anna-behaviour", ANNA, CycleMove.CRITICISE));
            EvidenceRefView lean = when(leanInSession("ben-lean", BEN, Lean.OUT, 2));

            EvidenceRefView share = when(shared("anna-behaviour", ANNA));
            assertThat(lastChanged).isTrue();
            assertThat(partner(ANNA).declaredRole()).isEqualTo(CycleRole.PURSUER);
            assertThat(ids("declared-role:" + ANNA)).containsExactly(written.eventId(), share.eventId());

            EvidenceRefView reveal = when(revealed(BEN, "ben-lean"));
            assertThat(lastChanged).isTrue();
            assertThat(partner(BEN).lastLean()).isEqualTo(Lean.OUT);
            assertThat(partner(BEN).lastEnergy()).isEqualTo(2);
            assertThat(partner(BEN).withdrawingMoves()).isEqualTo(1);
            assertThat(ids("lean-gap")).as("written, then let out").containsExactly(lean.eventId(), reveal.eventId());

            // Shared once is counted once.
            when(shared("anna-behaviour", ANNA));
            assertThat(lastChanged).isFalse();
            assertThat(ids("declared-role:" + ANNA)).hasSize(2);
        }

        @ParameterizedTest
        @CsvSource({"CRITICISE, PURSUER", "PURSUE, PURSUER", "WITHDRAW, WITHDRAWER", "SHUT_DOWN, WITHDRAWER",
                "PLACATE, WITHDRAWER"})
        void theMoveOnASharedBehaviourDeclaresTheRole(CycleMove move, CycleRole role) {
            coupleInSession();
            given(behaviour("ben-behaviour", BEN, move));
            assertThat(partner(BEN).declaredRole()).isEqualTo(CycleRole.UNCLEAR);

            given(revealed(BEN, "ben-behaviour"));

            assertThat(partner(BEN).declaredRole()).isEqualTo(role);
            assertThat(partner(BEN).shownRole()).as("a declaration is not a shown move").isEqualTo(CycleRole.UNCLEAR);
        }
    }

    // --- bids -----------------------------------------------------------------------------------

    @Nested
    class Bids {

        @Test
        void bidsTurnedTowardCountForTheResponderInSessionAndEveryDay() {
            coupleInSession();
            List<String> answers = new ArrayList<>();
            given(sessionBid(ANNA), everydayBid(ANNA));
            for (int i = 0; i < 9; i++) {
                answers.add(when(i % 2 == 0 ? sessionAnswer(SESSION, BEN, BidResponse.TOWARD)
                        : everydayAnswer(BEN, BidResponse.TOWARD)).eventId());
            }
            answers.add(when(everydayAnswer(BEN, BidResponse.AWAY)).eventId());

            PartnerCycleView ben = partner(BEN);
            assertThat(ben.bidsAnswered()).isEqualTo(10);
            assertThat(ben.bidsTurnedToward()).isEqualTo(9);
            assertThat(ben.towardPercent()).isEqualTo(90);
            assertThat(ben.referenceBand()).isEqualTo("near-stayed-together");
            assertThat(ids("bids-toward:" + BEN)).containsExactlyElementsOf(answers);
            assertThat(view().reference()).isEqualTo(GottmanReference.BIDS_TURNED_TOWARD);

            PartnerCycleView anna = partner(ANNA);
            assertThat(anna.bidsAnswered()).isZero();
            assertThat(anna.towardPercent()).isNull();
            assertThat(anna.referenceBand()).isNull();
            assertThat(state.evidenceFor("bids-toward:" + ANNA)).isEmpty();
        }

        @ParameterizedTest
        @CsvSource({"9, 90, near-stayed-together", "7, 70, near-stayed-together", "6, 60, between",
                "5, 50, near-divorced", "3, 30, near-divorced", "0, 0, near-divorced", "10, 100, near-stayed-together"})
        void theTowardPercentIsReadAgainstGottmansReference(int toward, int percent, String band) {
            coupleInSession();
            for (int i = 0; i < 10; i++) {
                BidResponse response = i < toward ? BidResponse.TOWARD
                        : i % 2 == 0 ? BidResponse.AWAY : BidResponse.AGAINST;
                given(i % 2 == 0 ? everydayAnswer(ANNA, response) : sessionAnswer(SESSION, ANNA, response));
            }

            PartnerCycleView anna = partner(ANNA);
            assertThat(anna.bidsAnswered()).isEqualTo(10);
            assertThat(anna.bidsTurnedToward()).isEqualTo(toward);
            assertThat(anna.towardPercent()).isEqualTo(percent);
            assertThat(anna.referenceBand()).isEqualTo(band);
            assertThat(state.evidenceFor("bids-toward:" + ANNA)).hasSize(10);
        }
    }

    // --- shown role -----------------------------------------------------------------------------

    @Test
    void theShownRoleComesFromWhatEachPartnerDid() {
        coupleInSession();
        EvidenceRefView bid = when(sessionBid(ANNA));
        EvidenceRefView everydayBid = when(everydayBid(ANNA));
        EvidenceRefView softening = when(softened("move-1", ANNA));
        EvidenceRefView reengagement = when(reengaged("move-2", BEN));
        EvidenceRefView away = when(everydayAnswer(BEN, BidResponse.AWAY));
        EvidenceRefView missed = when(missed(BEN));
        EvidenceRefView leanOut = when(leanBetweenSessions(BEN, Lean.OUT, 3));
        given(everydayAnswer(ANNA, BidResponse.TOWARD), leanBetweenSessions(ANNA, Lean.BACK, 6));

        PartnerCycleView anna = partner(ANNA);
        assertThat(anna.pursuingMoves()).isEqualTo(3);
        assertThat(anna.withdrawingMoves()).isZero();
        assertThat(anna.shownRole()).isEqualTo(CycleRole.PURSUER);
        assertThat(ids("shown-role:" + ANNA)).containsExactly(bid.eventId(), everydayBid.eventId(), softening.eventId());

        PartnerCycleView ben = partner(BEN);
        assertThat(ben.pursuingMoves()).isZero();
        assertThat(ben.withdrawingMoves()).isEqualTo(4);
        assertThat(ben.shownRole()).isEqualTo(CycleRole.WITHDRAWER);
        assertThat(ids("shown-role:" + BEN)).containsExactly(reengagement.eventId(), away.eventId(),
                missed.eventId(), leanOut.eventId());
        assertThat(ben.declaredRole()).isEqualTo(CycleRole.UNCLEAR);
    }

    @Test
    void asManyPursuingAsWithdrawingMovesIsUnclear() {
        coupleInSession();
        given(everydayBid(ANNA), leanBetweenSessions(ANNA, Lean.OUT, 1));

        assertThat(partner(ANNA).shownRole()).isEqualTo(CycleRole.UNCLEAR);
        assertThat(partner(BEN).shownRole()).isEqualTo(CycleRole.UNCLEAR);
    }

    // --- session ratio --------------------------------------------------------------------------

    @Test
    void positiveToNegativeMomentsAreCountedPerSession() {
        coupleInSession();
        EvidenceRefView toward1 = when(sessionAnswer(SESSION, BEN, BidResponse.TOWARD));
        EvidenceRefView toward2 = when(sessionAnswer(SESSION, ANNA, BidResponse.TOWARD));
        EvidenceRefView away = when(sessionAnswer(SESSION, BEN, BidResponse.AWAY));
        EvidenceRefView against = when(sessionAnswer(SESSION, ANNA, BidResponse.AGAINST));
        EvidenceRefView softening = when(softened("move-1", ANNA));
        // Between sessions: no session's ratio.
        given(appreciation(BEN), everydayAnswer(BEN, BidResponse.AWAY));
        given(started(OTHER_SESSION, Exercise.CHECK_IN), sessionAnswer(OTHER_SESSION, BEN, BidResponse.TOWARD));
        // A session this couple never started counts in no ratio.
        given(sessionAnswer("unknown-session", BEN, BidResponse.TOWARD));

        assertThat(view().sessions()).containsExactly(
                new SessionRatioView(SESSION, Exercise.CYCLE_MAP, 3, 2),
                new SessionRatioView(OTHER_SESSION, Exercise.CHECK_IN, 1, 0));
        assertThat(ids("session-ratio:" + SESSION)).containsExactly(toward1.eventId(), toward2.eventId(),
                away.eventId(), against.eventId(), softening.eventId());
        assertThat(state.sessionIds()).containsExactly(SESSION, OTHER_SESSION);
    }

    // --- lean gap -------------------------------------------------------------------------------

    @Test
    void theLeanGapFollowsBothPartnersLatestLeans() {
        coupleInSession();
        given(leanBetweenSessions(ANNA, Lean.IN, 8));
        assertThat(view().leanGap()).as("Ben has not checked in yet").isEmpty();

        EvidenceRefView benOut = when(leanBetweenSessions(BEN, Lean.OUT, 2));
        EvidenceRefView annaBack = when(leanBetweenSessions(ANNA, Lean.BACK, 5));

        assertThat(view().leanGap()).containsExactly(new LeanGapPointView(benOut.at(), 2), new LeanGapPointView(annaBack.at(), 1));
        assertThat(partner(ANNA).lastLean()).isEqualTo(Lean.BACK);
        assertThat(partner(ANNA).lastEnergy()).isEqualTo(5);
        assertThat(partner(BEN).lastLean()).isEqualTo(Lean.OUT);
        assertThat(partner(BEN).lastEnergy()).isEqualTo(2);
        assertThat(state.evidenceFor("lean-gap")).hasSize(3);
    }

    // --- adherence ------------------------------------------------------------------------------

    @Test
    void adherenceIsNullUntilThereIsSomethingToCount() {
        coupleInSession();

        assertThat(view().adherence()).isEqualTo(new AdherenceView(0, null, 0, 0, null, 0, 0, null));
    }

    @Test
    void checkpointsKeptCountOnePartlyHalfMissedNothing() {
        coupleInSession();
        given(checkpoint(CheckpointOutcome.KEPT), checkpoint(CheckpointOutcome.MISSED));
        assertThat(view().adherence().checkpointsReviewed()).isEqualTo(2);
        assertThat(view().adherence().checkpointsPercent()).isEqualTo(50);

        given(checkpoint(CheckpointOutcome.PARTLY_KEPT));
        assertThat(view().adherence().checkpointsPercent()).isEqualTo(50);

        given(checkpoint(CheckpointOutcome.KEPT));
        assertThat(view().adherence().checkpointsPercent()).as("2.5 of 4").isEqualTo(63);
        assertThat(state.evidenceFor("adherence")).hasSize(4);
    }

    @Test
    void homeworkIsDueOncePerPartner() {
        coupleInSession();
        given(new HomeworkSet(COUPLE, "hw-1", THERAPIST, "a walk", DAY),
                new HomeworkSet(COUPLE, "hw-2", THERAPIST, "a letter", DAY),
                new HomeworkDone(COUPLE, "hw-1", ANNA), new HomeworkDone(COUPLE, "hw-1", BEN));
        assertThat(view().adherence().homeworkSet()).isEqualTo(2);
        assertThat(view().adherence().homeworkDone()).isEqualTo(2);
        assertThat(view().adherence().homeworkPercent()).isEqualTo(50);

        given(new HomeworkDone(COUPLE, "hw-2", ANNA));
        assertThat(view().adherence().homeworkPercent()).isEqualTo(75);
    }

    @Test
    void attendanceCountsEveryPartnerWhoCameOrMissed() {
        coupleInSession();
        given(attended(ANNA, BEN), attended(ANNA), missed(BEN));

        AdherenceView adherence = view().adherence();
        assertThat(adherence.sessionsAttended()).isEqualTo(3);
        assertThat(adherence.sessionsMissed()).isEqualTo(1);
        assertThat(adherence.attendancePercent()).isEqualTo(75);
    }

    // --- resentments ----------------------------------------------------------------------------

    @Test
    void resentmentsStayOpenUntilReleased() {
        coupleInSession();
        EvidenceRefView first = when(new LetGoProposed(SESSION, "pact-1", ANNA, "the birthday"));
        EvidenceRefView second = when(new LetGoProposed(SESSION, "pact-2", BEN, "the holiday"));
        assertThat(view().resentmentsOpen()).isEqualTo(2);
        assertThat(view().resentmentsReleased()).isZero();

        EvidenceRefView released = when(new ResentmentReleased(SESSION, "pact-1", ANNA, BEN));

        assertThat(view().resentmentsOpen()).isEqualTo(1);
        assertThat(view().resentmentsReleased()).isEqualTo(1);
        assertThat(ids("resentments")).containsExactly(first.eventId(), second.eventId(), released.eventId());
        assertThat(view().sessions()).containsExactly(new SessionRatioView(SESSION, Exercise.CYCLE_MAP, 1, 0));
    }

    // --- turning points -------------------------------------------------------------------------

    @Nested
    class TurningPoints {

        @Test
        void theLastSofteningAndReengagementAreKeptAndTheirConfirmationsMarked() {
            coupleInSession();
            assertThat(view().lastSoftening()).isNull();
            assertThat(view().lastReengagement()).isNull();

            EvidenceRefView softening = when(softened("move-1", ANNA));
            EvidenceRefView reengagement = when(reengaged("move-2", BEN));
            assertThat(view().lastSoftening()).isEqualTo(new MoveRefView(ANNA, SESSION, softening.at(), false));
            assertThat(view().lastReengagement()).isEqualTo(new MoveRefView(BEN, SESSION, reengagement.at(), false));

            EvidenceRefView confirmSoftening = when(confirmed("move-1", ANNA, ChangeEvent.BLAMER_SOFTENING));
            assertThat(view().lastSoftening()).isEqualTo(new MoveRefView(ANNA, SESSION, softening.at(), true));
            assertThat(view().lastReengagement().confirmed()).isFalse();
            assertThat(ids("last-softening")).containsExactly(softening.eventId(), confirmSoftening.eventId());

            EvidenceRefView confirmReengagement = when(confirmed("move-2", BEN, ChangeEvent.WITHDRAWER_REENGAGEMENT));
            assertThat(view().lastReengagement()).isEqualTo(new MoveRefView(BEN, SESSION, reengagement.at(), true));
            assertThat(ids("last-reengagement")).containsExactly(reengagement.eventId(), confirmReengagement.eventId());
        }

        @Test
        void aNewSofteningIsUnconfirmedAgain() {
            coupleInSession();
            given(softened("move-1", ANNA), confirmed("move-1", ANNA, ChangeEvent.BLAMER_SOFTENING));
            assertThat(view().lastSoftening().confirmed()).isTrue();

            EvidenceRefView again = when(softened("move-2", ANNA));

            assertThat(view().lastSoftening()).isEqualTo(new MoveRefView(ANNA, SESSION, again.at(), false));
            assertThat(ids("last-softening")).containsExactly(again.eventId());
        }

        /**
         * The therapist confirms an earlier softening after a later one was voiced: the confirmation
         * is of move-1, so the last softening (move-2) must stay unconfirmed.
         */
        @Test
        void confirmingAnEarlierSofteningDoesNotConfirmTheLastOne() {
            coupleInSession();
            given(softened("move-1", ANNA));
            EvidenceRefView later = when(softened("move-2", ANNA));

            when(confirmed("move-1", ANNA, ChangeEvent.BLAMER_SOFTENING));

            assertThat(view().lastSoftening()).isEqualTo(new MoveRefView(ANNA, SESSION, later.at(), false));
            assertThat(ids("last-softening")).containsExactly(later.eventId());
        }

        @Test
        void confirmingAnEarlierReengagementDoesNotConfirmTheLastOne() {
            coupleInSession();
            given(reengaged("move-1", BEN));
            EvidenceRefView later = when(reengaged("move-2", BEN));

            when(confirmed("move-1", BEN, ChangeEvent.WITHDRAWER_REENGAGEMENT));

            assertThat(view().lastReengagement()).isEqualTo(new MoveRefView(BEN, SESSION, later.at(), false));
            assertThat(ids("last-reengagement")).containsExactly(later.eventId());
        }
    }

    // --- one rule per event ---------------------------------------------------------------------

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
        void theRulesCanBeDrivenEventByEventWithoutTheDispatch() {
            CycleStateDocument direct = new CycleStateDocument(COUPLE);
            CycleStateRules rulesOfDirect = new CycleStateRules(direct);
            EvidenceRefView created = ref("e1", COUPLE, 1);
            EvidenceRefView joined = ref("e2", COUPLE, 2);
            EvidenceRefView bid = ref("e3", COUPLE, 3);
            EvidenceRefView answer = ref("e4", COUPLE, 4);
            rulesOfDirect.on(new CoupleCreated(COUPLE, ANNA, "Anna", "CODE-1", T0), created);
            rulesOfDirect.on(new PartnerJoinedCouple(COUPLE, BEN, "Ben"), joined);
            rulesOfDirect.on(new EverydayBidMade(COUPLE, "bid-1", ANNA, BEN, "coffee?"), bid);
            rulesOfDirect.on(new EverydayBidAnswered(COUPLE, "bid-1", BEN, BidResponse.TOWARD), answer);

            given(new CoupleCreated(COUPLE, ANNA, "Anna", "CODE-1", T0), new PartnerJoinedCouple(COUPLE, BEN, "Ben"),
                    new EverydayBidMade(COUPLE, "bid-1", ANNA, BEN, "coffee?"),
                    new EverydayBidAnswered(COUPLE, "bid-1", BEN, BidResponse.TOWARD));

            assertThat(direct.toView()).isEqualTo(view());
            assertThat(direct.toView().timeline()).extracting(item -> item.kind().wireName())
                    .containsExactly("paired", "bid-made", "bid-turned-toward");
            assertThat(direct.evidenceFor("bids-toward:" + BEN)).containsExactly(answer);
        }

        @Test
        void anEventWithoutARuleChangesNothing() {
            coupleInSession();
            CycleStateView before = view();

            assertThat(rules.apply(new app.duet.api.session.SessionPaused(SESSION, ANNA), ref("e9", SESSION, 9)))
                    .isFalse();
            assertThat(view()).isEqualTo(before);
        }

        private static EvidenceRefView ref(String eventId, String aggregateId, int minute) {
            return new EvidenceRefView(eventId, "Event", aggregateId, T0.plus(Duration.ofMinutes(minute)));
        }
    }
}
