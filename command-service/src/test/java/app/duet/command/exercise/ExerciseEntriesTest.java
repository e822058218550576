package app.duet.command.exercise;

import app.duet.api.exercise.BehaviourListed;
import app.duet.api.exercise.CycleLink;
import app.duet.api.exercise.CycleLinkRecorded;
import app.duet.api.exercise.CycleMove;
import app.duet.api.exercise.Lean;
import app.duet.api.exercise.LeanRecorded;
import app.duet.api.exercise.ListBehaviour;
import app.duet.api.exercise.NeedKind;
import app.duet.api.exercise.NeedStated;
import app.duet.api.exercise.Reassure;
import app.duet.api.exercise.ReassuranceWritten;
import app.duet.api.exercise.RecordCycleLink;
import app.duet.api.exercise.RecordLean;
import app.duet.api.exercise.StateNeed;
import app.duet.api.session.AnswersRevealed;
import app.duet.api.session.AnswersRevealed.RevealedEntry;
import app.duet.api.session.AnswersMarkedReady;
import app.duet.api.session.DraftWritten;
import app.duet.api.session.EntryShared;
import app.duet.api.session.Exercise;
import app.duet.api.session.PartnerJoinedSession;
import app.duet.api.session.SessionEnded;
import app.duet.api.session.SessionStarted;
import app.duet.api.session.ShareEntry;
import app.duet.api.session.WriteDraft;
import app.duet.command.jointsession.JointSession;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static app.duet.command.BrokenRule.brokenRule;

/** The entries of the exercises: at which step, of which kind, within which bounds, and sharing them. */
class ExerciseEntriesTest {

    private static final String SESSION = "session-1";
    private static final String COUPLE = "couple-1";
    private static final String ALEX = "partner-alex";
    private static final String SAM = "partner-sam";
    private static final String ENTRY = "entry-1";
    private static final PartnerJoinedSession ALEX_JOINED = new PartnerJoinedSession(SESSION, ALEX);
    private static final PartnerJoinedSession SAM_JOINED = new PartnerJoinedSession(SESSION, SAM);

    private FixtureConfiguration<JointSession> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(JointSession.class);
    }

    /** A session of this exercise with both partners in it. */
    private static Object[] running(Exercise exercise) {
        return new Object[]{new SessionStarted(SESSION, COUPLE, exercise, List.of(ALEX, SAM), ALEX), ALEX_JOINED,
                SAM_JOINED};
    }

    // --- drafts at a step -----------------------------------------------------------------------

    @Test
    void aPartnerWritesADraftAtATextStep() {
        fixture.given(running(Exercise.CYCLE_MAP))
                .when(new WriteDraft(SESSION, ALEX, ENTRY, "incident", "Sunday, the dishes"))
                .expectEvents(new DraftWritten(SESSION, ENTRY, ALEX, "incident", "Sunday, the dishes"));
    }

    @Test
    void anEntryGoesOnlyToAStepTheExerciseHas() {
        fixture.given(running(Exercise.CYCLE_MAP))
                .when(new WriteDraft(SESSION, ALEX, ENTRY, "closeness", "Hold me"))
                .expectNoEvents()
                .expectException(brokenRule("unknown-step"));
    }

    @Test
    void aStepTakesOnlyItsKindOfEntry() {
        fixture.given(running(Exercise.CYCLE_MAP))
                .when(new WriteDraft(SESSION, ALEX, ENTRY, "my-side", "Just words"))
                .expectNoEvents()
                .expectException(brokenRule("wrong-step"));
    }

    @Test
    void anEntryIdKeepsTheStepAndKindItWasFirstWrittenWith() {
        fixture.given(running(Exercise.CYCLE_MAP))
                .andGiven(new DraftWritten(SESSION, ENTRY, ALEX, "incident", "Sunday"))
                .when(new WriteDraft(SESSION, ALEX, ENTRY, "loop", "Round and round"))
                .expectNoEvents()
                .expectException(brokenRule("entry-mismatch"));
    }

    @Test
    void onlyAPartnerInTheSessionWrites() {
        fixture.given(new SessionStarted(SESSION, COUPLE, Exercise.CYCLE_MAP, List.of(ALEX, SAM), ALEX), SAM_JOINED)
                .when(new WriteDraft(SESSION, ALEX, ENTRY, "incident", "Sunday"))
                .expectNoEvents()
                .expectException(brokenRule("not-present"));
        fixture.given(running(Exercise.CYCLE_MAP))
                .when(new WriteDraft(SESSION, "partner-third", ENTRY, "incident", "Sunday"))
                .expectNoEvents()
                .expectException(brokenRule("not-a-partner"));
    }

    @Test
    void noEntryIsWrittenOrSharedInAnEndedSession() {
        fixture.given(running(Exercise.CYCLE_MAP))
                .andGiven(new SessionEnded(SESSION, SAM))
                .when(new WriteDraft(SESSION, ALEX, ENTRY, "incident", "Sunday"))
                .expectNoEvents()
                .expectException(brokenRule("session-ended"));
        fixture.given(running(Exercise.CYCLE_MAP))
                .andGiven(new DraftWritten(SESSION, ENTRY, ALEX, "incident", "Sunday"), new SessionEnded(SESSION, SAM))
                .when(new ShareEntry(SESSION, ALEX, ENTRY))
                .expectNoEvents()
                .expectException(brokenRule("session-ended"));
    }

    // --- cycle links ----------------------------------------------------------------------------

    @Test
    void aPartnerRecordsTheLinkTheirStepAsksFor() {
        fixture.given(running(Exercise.RESENTMENT_TO_CLOSENESS))
                .when(new RecordCycleLink(SESSION, ALEX, ENTRY, "trigger", CycleLink.TRIGGER, 6, null, "The sigh"))
                .expectEvents(new CycleLinkRecorded(SESSION, ENTRY, ALEX, "trigger", CycleLink.TRIGGER, 6, null,
                        "The sigh"));
    }

    @Test
    void aStepThatAsksForOneLinkTakesNoOther() {
        fixture.given(running(Exercise.RESENTMENT_TO_CLOSENESS))
                .when(new RecordCycleLink(SESSION, ALEX, ENTRY, "trigger", CycleLink.PRIMARY_EMOTION, 6, null,
                        "Hurt"))
                .expectNoEvents()
                .expectException(brokenRule("wrong-link"));
    }

    /** CYCLE_MAP's "my-side" step fixes no link: any link of the loop fits it. */
    @Test
    void anyLinkFitsAStepThatAsksForNoParticularOne() {
        fixture.given(running(Exercise.CYCLE_MAP))
                .when(new RecordCycleLink(SESSION, ALEX, ENTRY, "my-side", CycleLink.PERCEPTION, 4, null,
                        "You don't care"))
                .expectEvents(new CycleLinkRecorded(SESSION, ENTRY, ALEX, "my-side", CycleLink.PERCEPTION, 4, null,
                        "You don't care"));
    }

    @Test
    void aStepThatAsksForNoParticularLinkStillNeedsOneNamed() {
        fixture.given(running(Exercise.CYCLE_MAP))
                .when(new RecordCycleLink(SESSION, ALEX, ENTRY, "my-side", null, 4, null, "Something"))
                .expectNoEvents()
                .expectException(brokenRule("link-required"));
    }

    @Test
    void intensityRunsFromOneToTen() {
        fixture.given(running(Exercise.RESENTMENT_TO_CLOSENESS))
                .when(new RecordCycleLink(SESSION, ALEX, ENTRY, "trigger", CycleLink.TRIGGER, 0, null, "The sigh"))
                .expectNoEvents()
                .expectException(brokenRule("intensity-out-of-range"));
        fixture.given(running(Exercise.RESENTMENT_TO_CLOSENESS))
                .when(new RecordCycleLink(SESSION, ALEX, ENTRY, "trigger", CycleLink.TRIGGER, 11, null, "The sigh"))
                .expectNoEvents()
                .expectException(brokenRule("intensity-out-of-range"));
    }

    @Test
    void aBehaviourSaysWhatKindOfMoveItWas() {
        fixture.given(running(Exercise.RESENTMENT_TO_CLOSENESS))
                .when(new RecordCycleLink(SESSION, ALEX, ENTRY, "what-i-did", CycleLink.BEHAVIOUR, 8,
                        CycleMove.WITHDRAW, "I left the room"))
                .expectEvents(new CycleLinkRecorded(SESSION, ENTRY, ALEX, "what-i-did", CycleLink.BEHAVIOUR, 8,
                        CycleMove.WITHDRAW, "I left the room"));
        fixture.given(running(Exercise.RESENTMENT_TO_CLOSENESS))
                .when(new RecordCycleLink(SESSION, ALEX, ENTRY, "what-i-did", CycleLink.BEHAVIOUR, 8, null,
                        "I left the room"))
                .expectNoEvents()
                .expectException(brokenRule("move-with-behaviour"));
    }

    @Test
    void onlyABehaviourHasAMove() {
        fixture.given(running(Exercise.RESENTMENT_TO_CLOSENESS))
                .when(new RecordCycleLink(SESSION, ALEX, ENTRY, "trigger", CycleLink.TRIGGER, 6, CycleMove.PURSUE,
                        "The sigh"))
                .expectNoEvents()
                .expectException(brokenRule("move-with-behaviour"));
    }

    // --- behaviours, needs, reassurances, leans -------------------------------------------------

    @Test
    void aPartnerListsABehaviourThatWouldBringThemCloser() {
        fixture.given(running(Exercise.BABY_STEPS))
                .when(new ListBehaviour(SESSION, ALEX, ENTRY, "lists", "Say good night", 2))
                .expectEvents(new BehaviourListed(SESSION, ENTRY, ALEX, "lists", "Say good night", 2));
    }

    @Test
    void aBehavioursSizeRunsFromOneToFive() {
        fixture.given(running(Exercise.BABY_STEPS))
                .when(new ListBehaviour(SESSION, ALEX, ENTRY, "lists", "Say good night", 0))
                .expectNoEvents()
                .expectException(brokenRule("size-out-of-range"));
        fixture.given(running(Exercise.BABY_STEPS))
                .when(new ListBehaviour(SESSION, ALEX, ENTRY, "lists", "Move to the sea", 6))
                .expectNoEvents()
                .expectException(brokenRule("size-out-of-range"));
    }

    @Test
    void aPartnerStatesANeedForCloseness() {
        fixture.given(running(Exercise.SPACE_AND_CLOSENESS))
                .when(new StateNeed(SESSION, ALEX, ENTRY, "needs", NeedKind.CLOSENESS, "Sit with me", null))
                .expectEvents(new NeedStated(SESSION, ENTRY, ALEX, "needs", NeedKind.CLOSENESS, "Sit with me", null));
    }

    @Test
    void askingForSpaceComesWithAReassurance() {
        fixture.given(running(Exercise.SPACE_AND_CLOSENESS))
                .when(new StateNeed(SESSION, ALEX, ENTRY, "needs", NeedKind.SPACE, "An hour alone", "I'll be back"))
                .expectEvents(new NeedStated(SESSION, ENTRY, ALEX, "needs", NeedKind.SPACE, "An hour alone",
                        "I'll be back"));
        fixture.given(running(Exercise.SPACE_AND_CLOSENESS))
                .when(new StateNeed(SESSION, ALEX, ENTRY, "needs", NeedKind.SPACE, "An hour alone", " "))
                .expectNoEvents()
                .expectException(brokenRule("space-needs-reassurance"));
    }

    /** Sam's need at the revealed "needs" step, revealed to both. */
    private static final Object[] SAMS_NEED_REVEALED = {
            new NeedStated(SESSION, "need-1", SAM, "needs", NeedKind.SPACE, "An evening out", "I come home to you"),
            new NeedStated(SESSION, "need-a", ALEX, "needs", NeedKind.CLOSENESS, "Breakfast together", null),
            new AnswersMarkedReady(SESSION, "needs", ALEX), new AnswersMarkedReady(SESSION, "needs", SAM),
            new AnswersRevealed(SESSION, "needs", SAM,
                    List.of(new RevealedEntry(ALEX, "need-a"), new RevealedEntry(SAM, "need-1")))};

    @Test
    void aPartnerReassuresTheOthersRevealedNeed() {
        fixture.given(running(Exercise.SPACE_AND_CLOSENESS))
                .andGiven(SAMS_NEED_REVEALED)
                .when(new Reassure(SESSION, ALEX, ENTRY, "reassure", "need-1", "Enjoy it, I'll be here"))
                .expectEvents(new ReassuranceWritten(SESSION, ENTRY, ALEX, "reassure", "need-1",
                        "Enjoy it, I'll be here"));
    }

    @Test
    void aReassuranceAnswersOnlyANeedThePartnerLetThemSee() {
        fixture.given(running(Exercise.SPACE_AND_CLOSENESS))
                .andGiven(new NeedStated(SESSION, "need-1", SAM, "needs", NeedKind.SPACE, "An evening out", "I'm back"))
                .when(new Reassure(SESSION, ALEX, ENTRY, "reassure", "need-1", "Enjoy it"))
                .expectNoEvents()
                .expectException(brokenRule("unknown-need"));
    }

    @Test
    void aPartnerDoesNotReassureTheirOwnNeed() {
        fixture.given(running(Exercise.SPACE_AND_CLOSENESS))
                .andGiven(SAMS_NEED_REVEALED)
                .when(new Reassure(SESSION, ALEX, ENTRY, "reassure", "need-a", "I'll have breakfast with myself"))
                .expectNoEvents()
                .expectException(brokenRule("unknown-need"));
    }

    @Test
    void aPartnerChecksInWithTheirLeanAndEnergy() {
        fixture.given(running(Exercise.CHECK_IN))
                .when(new RecordLean(SESSION, ALEX, ENTRY, "lean", Lean.BACK, 4))
                .expectEvents(new LeanRecorded(SESSION, COUPLE, ENTRY, ALEX, "lean", Lean.BACK, 4));
    }

    @Test
    void aCheckInSaysWhereThePartnerLeans() {
        fixture.given(running(Exercise.CHECK_IN))
                .when(new RecordLean(SESSION, ALEX, ENTRY, "lean", null, 4))
                .expectNoEvents()
                .expectException(brokenRule("lean-required"));
    }

    @Test
    void energyRunsFromZeroToTen() {
        fixture.given(running(Exercise.CHECK_IN))
                .when(new RecordLean(SESSION, ALEX, ENTRY, "lean", Lean.OUT, -1))
                .expectNoEvents()
                .expectException(brokenRule("energy-out-of-range"));
        fixture.given(running(Exercise.CHECK_IN))
                .when(new RecordLean(SESSION, ALEX, ENTRY, "lean", Lean.IN, 11))
                .expectNoEvents()
                .expectException(brokenRule("energy-out-of-range"));
    }

    // --- sharing by the step's mode -------------------------------------------------------------

    @Test
    void anEntryAtASharedStepIsSharedWhenItsAuthorIsReady() {
        fixture.given(running(Exercise.CYCLE_MAP))
                .andGiven(new DraftWritten(SESSION, ENTRY, ALEX, "incident", "Sunday"))
                .when(new ShareEntry(SESSION, ALEX, ENTRY))
                .expectEvents(new EntryShared(SESSION, ENTRY, ALEX));
    }

    @Test
    void aSharedEntryIsNotSharedAgain() {
        fixture.given(running(Exercise.CYCLE_MAP))
                .andGiven(new DraftWritten(SESSION, ENTRY, ALEX, "incident", "Sunday"),
                        new EntryShared(SESSION, ENTRY, ALEX))
                .when(new ShareEntry(SESSION, ALEX, ENTRY))
                .expectNoEvents()
                .expectException(brokenRule("entry-shared"));
    }

    @Test
    void anEntryAtARevealedStepIsNotSharedAlone() {
        fixture.given(running(Exercise.CHECK_IN))
                .andGiven(new DraftWritten(SESSION, ENTRY, ALEX, "appreciation", "Your patience"))
                .when(new ShareEntry(SESSION, ALEX, ENTRY))
                .expectNoEvents()
                .expectException(brokenRule("revealed-together"));
    }
}
