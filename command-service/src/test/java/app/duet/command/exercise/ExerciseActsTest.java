package app.duet.command.exercise;

import app.duet.api.exercise.ReleaseResentment;
import app.duet.api.exercise.BabyStepChosen;
import app.duet.api.exercise.BabyStepCommitted;
import app.duet.api.exercise.BehaviourListed;
import app.duet.api.exercise.BlamerSoftened;
import app.duet.api.exercise.ChangeEvent;
import app.duet.api.exercise.ChangeEventConfirmed;
import app.duet.api.exercise.ChooseBabyStep;
import app.duet.api.exercise.CommitToBabyStep;
import app.duet.api.exercise.ConfirmChangeEvent;
import app.duet.api.exercise.LetGoProposed;
import app.duet.api.exercise.OfferSmallerStep;
import app.duet.api.exercise.ProposeLetGo;
import app.duet.api.exercise.ResentmentReleased;
import app.duet.api.exercise.SmallerStepOffered;
import app.duet.api.exercise.ReengageAsWithdrawer;
import app.duet.api.exercise.SoftenAsBlamer;
import app.duet.api.exercise.WithdrawerReengaged;
import app.duet.api.session.AnswersRevealed;
import app.duet.api.session.AnswersRevealed.RevealedEntry;
import app.duet.api.session.AnswersMarkedReady;
import app.duet.api.session.Exercise;
import app.duet.api.session.PartnerJoinedSession;
import app.duet.api.session.PartnerMovedToStep;
import app.duet.api.session.SessionEnded;
import app.duet.api.session.SessionStarted;
import app.duet.api.session.TherapistJoinedSession;
import app.duet.command.jointsession.JointSession;
import app.duet.command.session.ObservingTherapists;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static app.duet.command.BrokenRule.brokenRule;

/** The acts both partners see as they happen: softenings, re-engagements, baby steps, let-go pacts. */
class ExerciseActsTest {

    private static final String SESSION = "session-1";
    private static final String COUPLE = "couple-1";
    private static final String ALEX = "partner-alex";
    private static final String SAM = "partner-sam";
    private static final String THERAPIST = "therapist-lee";
    private static final String MOVE = "move-1";
    private static final String PACT = "pact-1";
    /** The behaviour Sam listed; Alex's own is {@link #ALEXS_BEHAVIOUR}. */
    private static final String SAMS_BEHAVIOUR = "behaviour-s";
    private static final String ALEXS_BEHAVIOUR = "behaviour-a";
    private static final PartnerJoinedSession ALEX_JOINED = new PartnerJoinedSession(SESSION, ALEX);
    private static final PartnerJoinedSession SAM_JOINED = new PartnerJoinedSession(SESSION, SAM);
    private static final TherapistJoinedSession THERAPIST_JOINED = new TherapistJoinedSession(SESSION, THERAPIST);
    private static final BlamerSoftened ALEX_SOFTENED = new BlamerSoftened(SESSION, MOVE, ALEX, "I miss you");
    private static final LetGoProposed ALEX_PROPOSES = new LetGoProposed(SESSION, PACT, ALEX, "The missed birthday");

    /** Both partners listed a behaviour; neither list is revealed yet. */
    private static final Object[] LISTED = {
            new BehaviourListed(SESSION, SAMS_BEHAVIOUR, SAM, "lists", "Ask how my day was", 2),
            new BehaviourListed(SESSION, ALEXS_BEHAVIOUR, ALEX, "lists", "Kiss me goodbye", 1)};
    /** Both lists submitted and revealed. */
    private static final Object[] REVEALED = {
            new AnswersMarkedReady(SESSION, "lists", SAM), new AnswersMarkedReady(SESSION, "lists", ALEX),
            new AnswersRevealed(SESSION, "lists", ALEX,
                    List.of(new RevealedEntry(ALEX, ALEXS_BEHAVIOUR), new RevealedEntry(SAM, SAMS_BEHAVIOUR)))};
    private static final BabyStepChosen ALEX_CHOOSES =
            new BabyStepChosen(SESSION, SAMS_BEHAVIOUR, SAM, ALEX);
    private static final SmallerStepOffered ALEX_OFFERS_SMALLER =
            new SmallerStepOffered(SESSION, SAMS_BEHAVIOUR, SAM, ALEX, "Ask at dinner on weekends");

    private final Set<String> consented = new HashSet<>(Set.of(THERAPIST));
    private FixtureConfiguration<JointSession> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(JointSession.class);
        fixture.registerInjectableResource(
                (ObservingTherapists) (couple, therapist) -> COUPLE.equals(couple) && consented.contains(therapist));
    }

    /** A session of this exercise with both partners in it, on the first step that offers acts (if any does). */
    private static Object[] running(Exercise exercise) {
        List<Object> given = new ArrayList<>(List.of(new SessionStarted(SESSION, COUPLE, exercise, List.of(ALEX, SAM),
                ALEX), ALEX_JOINED, SAM_JOINED));
        exercise.steps().stream().filter(step -> !step.acts().isEmpty()).findFirst().ifPresent(step -> given.addAll(
                List.of(new PartnerMovedToStep(SESSION, ALEX, step.key()), new PartnerMovedToStep(SESSION, SAM, step.key()))));
        return given.toArray();
    }

    // --- softening and re-engagement ------------------------------------------------------------

    @Test
    void aPartnerVoicesASoftening() {
        fixture.given(running(Exercise.CYCLE_MAP))
                .when(new SoftenAsBlamer(SESSION, ALEX, MOVE, "I miss you"))
                .expectEvents(ALEX_SOFTENED);
    }

    @Test
    void aPartnerVoicesAReengagement() {
        fixture.given(running(Exercise.SPACE_AND_CLOSENESS))
                .when(new ReengageAsWithdrawer(SESSION, SAM, MOVE, "I went quiet because I was scared"))
                .expectEvents(new WithdrawerReengaged(SESSION, MOVE, SAM, "I went quiet because I was scared"));
    }

    @Test
    void softeningAndReengagementBelongOnlyToTheExercisesThatOfferThem() {
        fixture.given(running(Exercise.CHECK_IN))
                .when(new SoftenAsBlamer(SESSION, ALEX, MOVE, "I miss you"))
                .expectNoEvents()
                .expectException(brokenRule("not-in-this-exercise"));
        fixture.given(running(Exercise.BABY_STEPS))
                .when(new ReengageAsWithdrawer(SESSION, SAM, MOVE, "I'm here"))
                .expectNoEvents()
                .expectException(brokenRule("not-in-this-exercise"));
    }

    @Test
    void aMoveIsPutIntoWords() {
        fixture.given(running(Exercise.CYCLE_MAP))
                .when(new SoftenAsBlamer(SESSION, ALEX, MOVE, "  "))
                .expectNoEvents()
                .expectException(brokenRule("words-required"));
        fixture.given(running(Exercise.CYCLE_MAP))
                .when(new ReengageAsWithdrawer(SESSION, SAM, MOVE, null))
                .expectNoEvents()
                .expectException(brokenRule("words-required"));
    }

    @Test
    void aMoveIsVoicedOnce() {
        fixture.given(running(Exercise.CYCLE_MAP))
                .andGiven(ALEX_SOFTENED)
                .when(new ReengageAsWithdrawer(SESSION, SAM, MOVE, "I'm here"))
                .expectNoEvents()
                .expectException(brokenRule("duplicate-move"));
    }

    // --- change events --------------------------------------------------------------------------

    @Test
    void theObservingTherapistConfirmsASofteningAsTheBlamersChangeEvent() {
        fixture.given(running(Exercise.CYCLE_MAP))
                .andGiven(THERAPIST_JOINED, ALEX_SOFTENED)
                .when(new ConfirmChangeEvent(SESSION, THERAPIST, MOVE))
                .expectEvents(new ChangeEventConfirmed(SESSION, MOVE, ALEX, ChangeEvent.BLAMER_SOFTENING, THERAPIST));
    }

    @Test
    void theObservingTherapistConfirmsAReengagementAsTheWithdrawersChangeEvent() {
        fixture.given(running(Exercise.CYCLE_MAP))
                .andGiven(THERAPIST_JOINED, new WithdrawerReengaged(SESSION, MOVE, SAM, "I'm here"))
                .when(new ConfirmChangeEvent(SESSION, THERAPIST, MOVE))
                .expectEvents(new ChangeEventConfirmed(SESSION, MOVE, SAM, ChangeEvent.WITHDRAWER_REENGAGEMENT,
                        THERAPIST));
    }

    @Test
    void onlyTheObservingTherapistConfirmsAChangeEvent() {
        fixture.given(running(Exercise.CYCLE_MAP))
                .andGiven(ALEX_SOFTENED)
                .when(new ConfirmChangeEvent(SESSION, THERAPIST, MOVE))
                .expectNoEvents()
                .expectException(brokenRule("not-observing"));
        fixture.given(running(Exercise.CYCLE_MAP))
                .andGiven(THERAPIST_JOINED, ALEX_SOFTENED)
                .when(new ConfirmChangeEvent(SESSION, SAM, MOVE))
                .expectNoEvents()
                .expectException(brokenRule("not-observing"));
    }

    @Test
    void aTherapistWhoseConsentWasWithdrawnConfirmsNothing() {
        consented.clear();
        fixture.given(running(Exercise.CYCLE_MAP))
                .andGiven(THERAPIST_JOINED, ALEX_SOFTENED)
                .when(new ConfirmChangeEvent(SESSION, THERAPIST, MOVE))
                .expectNoEvents()
                .expectException(brokenRule("not-observing"));
    }

    @Test
    void onlyAVoicedMoveIsConfirmed() {
        fixture.given(running(Exercise.CYCLE_MAP))
                .andGiven(THERAPIST_JOINED)
                .when(new ConfirmChangeEvent(SESSION, THERAPIST, MOVE))
                .expectNoEvents()
                .expectException(brokenRule("unknown-move"));
    }

    @Test
    void aMoveIsConfirmedOnce() {
        fixture.given(running(Exercise.CYCLE_MAP))
                .andGiven(THERAPIST_JOINED, ALEX_SOFTENED,
                        new ChangeEventConfirmed(SESSION, MOVE, ALEX, ChangeEvent.BLAMER_SOFTENING, THERAPIST))
                .when(new ConfirmChangeEvent(SESSION, THERAPIST, MOVE))
                .expectNoEvents()
                .expectException(brokenRule("already-confirmed"));
    }

    // --- baby steps -----------------------------------------------------------------------------

    @Test
    void aPartnerChoosesABehaviourFromTheOthersRevealedList() {
        fixture.given(running(Exercise.BABY_STEPS))
                .andGiven(LISTED).andGiven(REVEALED)
                .when(new ChooseBabyStep(SESSION, ALEX, SAMS_BEHAVIOUR))
                .expectEvents(ALEX_CHOOSES);
    }

    @Test
    void noChoosingBeforeTheListsAreRevealed() {
        fixture.given(running(Exercise.BABY_STEPS))
                .andGiven(LISTED)
                .when(new ChooseBabyStep(SESSION, ALEX, SAMS_BEHAVIOUR))
                .expectNoEvents()
                .expectException(brokenRule("smaller-step-needs-behaviour"));
    }

    @Test
    void aPartnerDoesNotChooseFromTheirOwnList() {
        fixture.given(running(Exercise.BABY_STEPS))
                .andGiven(LISTED).andGiven(REVEALED)
                .when(new ChooseBabyStep(SESSION, SAM, SAMS_BEHAVIOUR))
                .expectNoEvents()
                .expectException(brokenRule("smaller-step-needs-behaviour"));
    }

    @Test
    void babyStepsBelongOnlyToTheBabyStepsExercise() {
        fixture.given(running(Exercise.RESENTMENT_TO_CLOSENESS))
                .when(new ChooseBabyStep(SESSION, ALEX, SAMS_BEHAVIOUR))
                .expectNoEvents()
                .expectException(brokenRule("not-in-this-exercise"));
    }

    @Test
    void aBehaviourIsChosenOnce() {
        fixture.given(running(Exercise.BABY_STEPS))
                .andGiven(LISTED).andGiven(REVEALED).andGiven(ALEX_CHOOSES)
                .when(new ChooseBabyStep(SESSION, ALEX, SAMS_BEHAVIOUR))
                .expectNoEvents()
                .expectException(brokenRule("already-chosen"));
    }

    @Test
    void aSmallerStepAnswersABehaviourTheOtherPartnerListedAndRevealed() {
        fixture.given(running(Exercise.BABY_STEPS))
                .andGiven(LISTED).andGiven(REVEALED)
                .when(new OfferSmallerStep(SESSION, ALEX, SAMS_BEHAVIOUR, "Ask at dinner on weekends"))
                .expectEvents(ALEX_OFFERS_SMALLER);
    }

    @Test
    void noSmallerStepForOnesOwnBehaviour() {
        fixture.given(running(Exercise.BABY_STEPS))
                .andGiven(LISTED).andGiven(REVEALED)
                .when(new OfferSmallerStep(SESSION, ALEX, ALEXS_BEHAVIOUR, "Wave goodbye"))
                .expectNoEvents()
                .expectException(brokenRule("smaller-step-needs-behaviour"));
    }

    @Test
    void noSmallerStepBeforeTheListsAreRevealed() {
        fixture.given(running(Exercise.BABY_STEPS))
                .andGiven(LISTED)
                .when(new OfferSmallerStep(SESSION, ALEX, SAMS_BEHAVIOUR, "Ask at dinner on weekends"))
                .expectNoEvents()
                .expectException(brokenRule("smaller-step-needs-behaviour"));
    }

    @Test
    void aSmallerStepIsPutIntoWords() {
        fixture.given(running(Exercise.BABY_STEPS))
                .andGiven(LISTED).andGiven(REVEALED)
                .when(new OfferSmallerStep(SESSION, ALEX, SAMS_BEHAVIOUR, ""))
                .expectNoEvents()
                .expectException(brokenRule("words-required"));
    }

    @Test
    void aChosenBehaviourIsNotAnsweredWithASmallerStep() {
        fixture.given(running(Exercise.BABY_STEPS))
                .andGiven(LISTED).andGiven(REVEALED).andGiven(ALEX_CHOOSES)
                .when(new OfferSmallerStep(SESSION, ALEX, SAMS_BEHAVIOUR, "Ask at dinner on weekends"))
                .expectNoEvents()
                .expectException(brokenRule("already-chosen"));
    }

    @Test
    void aBehaviourAnsweredWithASmallerStepIsNotAlsoChosen() {
        fixture.given(running(Exercise.BABY_STEPS))
                .andGiven(LISTED).andGiven(REVEALED).andGiven(ALEX_OFFERS_SMALLER)
                .when(new ChooseBabyStep(SESSION, ALEX, SAMS_BEHAVIOUR))
                .expectNoEvents()
                .expectException(brokenRule("already-answered"));
    }

    @Test
    void aPartnerCommitsToTheBehaviourTheyChose() {
        fixture.given(running(Exercise.BABY_STEPS))
                .andGiven(LISTED).andGiven(REVEALED).andGiven(ALEX_CHOOSES)
                .when(new CommitToBabyStep(SESSION, ALEX, SAMS_BEHAVIOUR))
                .expectEvents(new BabyStepCommitted(SESSION, SAMS_BEHAVIOUR, SAM, ALEX, false));
    }

    @Test
    void aPartnerCommitsToTheSmallerStepTheyOffered() {
        fixture.given(running(Exercise.BABY_STEPS))
                .andGiven(LISTED).andGiven(REVEALED).andGiven(ALEX_OFFERS_SMALLER)
                .when(new CommitToBabyStep(SESSION, ALEX, SAMS_BEHAVIOUR))
                .expectEvents(new BabyStepCommitted(SESSION, SAMS_BEHAVIOUR, SAM, ALEX, true));
    }

    @Test
    void aCommitmentFollowsAChoiceOrASmallerStep() {
        fixture.given(running(Exercise.BABY_STEPS))
                .andGiven(LISTED).andGiven(REVEALED)
                .when(new CommitToBabyStep(SESSION, ALEX, SAMS_BEHAVIOUR))
                .expectNoEvents()
                .expectException(brokenRule("not-chosen"));
    }

    @Test
    void aPartnerCommitsToABabyStepOnce() {
        fixture.given(running(Exercise.BABY_STEPS))
                .andGiven(LISTED).andGiven(REVEALED).andGiven(ALEX_CHOOSES,
                        new BabyStepCommitted(SESSION, SAMS_BEHAVIOUR, SAM, ALEX, false))
                .when(new CommitToBabyStep(SESSION, ALEX, SAMS_BEHAVIOUR))
                .expectNoEvents()
                .expectException(brokenRule("already-committed"));
    }

    // --- letting go -----------------------------------------------------------------------------

    @Test
    void aPartnerProposesToLetAResentmentGo() {
        fixture.given(running(Exercise.RESENTMENT_TO_CLOSENESS))
                .when(new ProposeLetGo(SESSION, ALEX, PACT, "The missed birthday"))
                .expectEvents(ALEX_PROPOSES);
    }

    @Test
    void lettingGoBelongsOnlyToTheExercisesThatOfferIt() {
        fixture.given(running(Exercise.CYCLE_MAP))
                .when(new ProposeLetGo(SESSION, ALEX, PACT, "The missed birthday"))
                .expectNoEvents()
                .expectException(brokenRule("not-in-this-exercise"));
    }

    @Test
    void aPactIsPutIntoWords() {
        fixture.given(running(Exercise.BABY_STEPS))
                .when(new ProposeLetGo(SESSION, ALEX, PACT, " "))
                .expectNoEvents()
                .expectException(brokenRule("words-required"));
    }

    @Test
    void aPactIsProposedOnce() {
        fixture.given(running(Exercise.RESENTMENT_TO_CLOSENESS))
                .andGiven(ALEX_PROPOSES)
                .when(new ProposeLetGo(SESSION, SAM, PACT, "The holiday"))
                .expectNoEvents()
                .expectException(brokenRule("duplicate-pact"));
    }

    @Test
    void theOtherPartnerAgreesAndTheResentmentIsReleased() {
        fixture.given(running(Exercise.RESENTMENT_TO_CLOSENESS))
                .andGiven(ALEX_PROPOSES)
                .when(new ReleaseResentment(SESSION, SAM, PACT))
                .expectEvents(new ResentmentReleased(SESSION, PACT, ALEX, SAM));
    }

    @Test
    void nobodyAgreesToTheirOwnPact() {
        fixture.given(running(Exercise.RESENTMENT_TO_CLOSENESS))
                .andGiven(ALEX_PROPOSES)
                .when(new ReleaseResentment(SESSION, ALEX, PACT))
                .expectNoEvents()
                .expectException(brokenRule("own-pact"));
    }

    @Test
    void onlyAProposedPactIsAgreedTo() {
        fixture.given(running(Exercise.RESENTMENT_TO_CLOSENESS))
                .when(new ReleaseResentment(SESSION, SAM, PACT))
                .expectNoEvents()
                .expectException(brokenRule("unknown-pact"));
    }

    @Test
    void aResentmentIsReleasedOnce() {
        fixture.given(running(Exercise.RESENTMENT_TO_CLOSENESS))
                .andGiven(ALEX_PROPOSES, new ResentmentReleased(SESSION, PACT, ALEX, SAM))
                .when(new ReleaseResentment(SESSION, SAM, PACT))
                .expectNoEvents()
                .expectException(brokenRule("already-released"));
    }

    // --- an ended session -----------------------------------------------------------------------

    @Test
    void noActInAnEndedSession() {
        SessionEnded ended = new SessionEnded(SESSION, SAM);
        fixture.given(running(Exercise.CYCLE_MAP))
                .andGiven(ended)
                .when(new SoftenAsBlamer(SESSION, ALEX, MOVE, "I miss you"))
                .expectNoEvents()
                .expectException(brokenRule("session-ended"));
        fixture.given(running(Exercise.CYCLE_MAP))
                .andGiven(THERAPIST_JOINED, ALEX_SOFTENED, ended)
                .when(new ConfirmChangeEvent(SESSION, THERAPIST, MOVE))
                .expectNoEvents()
                .expectException(brokenRule("session-ended"));
        fixture.given(running(Exercise.BABY_STEPS))
                .andGiven(LISTED).andGiven(REVEALED).andGiven(ended)
                .when(new ChooseBabyStep(SESSION, ALEX, SAMS_BEHAVIOUR))
                .expectNoEvents()
                .expectException(brokenRule("session-ended"));
        fixture.given(running(Exercise.BABY_STEPS))
                .andGiven(LISTED).andGiven(REVEALED).andGiven(ALEX_CHOOSES, ended)
                .when(new CommitToBabyStep(SESSION, ALEX, SAMS_BEHAVIOUR))
                .expectNoEvents()
                .expectException(brokenRule("session-ended"));
        fixture.given(running(Exercise.RESENTMENT_TO_CLOSENESS))
                .andGiven(ALEX_PROPOSES, ended)
                .when(new ReleaseResentment(SESSION, SAM, PACT))
                .expectNoEvents()
                .expectException(brokenRule("session-ended"));
    }
}
