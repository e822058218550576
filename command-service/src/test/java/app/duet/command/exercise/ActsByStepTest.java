package app.duet.command.exercise;

import app.duet.api.exercise.Act;
import app.duet.api.exercise.ReleaseResentment;
import app.duet.api.exercise.BabyStepChosen;
import app.duet.api.exercise.BehaviourListed;
import app.duet.api.exercise.BlamerSoftened;
import app.duet.api.exercise.ChooseBabyStep;
import app.duet.api.exercise.CommitToBabyStep;
import app.duet.api.exercise.ExerciseStep;
import app.duet.api.exercise.LetGoProposed;
import app.duet.api.exercise.OfferSmallerStep;
import app.duet.api.exercise.ProposeLetGo;
import app.duet.api.exercise.ReengageAsWithdrawer;
import app.duet.api.exercise.SoftenAsBlamer;
import app.duet.api.session.AnswersRevealed;
import app.duet.api.session.AnswersRevealed.RevealedEntry;
import app.duet.api.session.AnswersMarkedReady;
import app.duet.api.session.Exercise;
import app.duet.api.session.PartnerJoinedSession;
import app.duet.api.session.PartnerMovedToStep;
import app.duet.api.session.SessionStarted;
import app.duet.command.jointsession.JointSession;
import app.duet.command.session.ObservingTherapists;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static app.duet.command.BrokenRule.brokenRule;
import static org.assertj.core.api.Assertions.assertThat;

/** An act is done only on a step of the exercise that offers it, and the step is the acting partner's own. */
class ActsByStepTest {

    private static final String SESSION = "session-1";
    private static final String COUPLE = "couple-1";
    private static final String ALEX = "partner-alex";
    private static final String SAM = "partner-sam";
    private static final String NOT_HERE = "not-offered-at-this-step";

    private FixtureConfiguration<JointSession> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(JointSession.class);
        fixture.registerInjectableResource((ObservingTherapists) (couple, therapist) -> false);
    }

    /** Both partners in a session of this exercise, Alex on {@code alexOn}, Sam on {@code samOn} (null: not moved yet). */
    private static Object[] on(Exercise exercise, String alexOn, String samOn) {
        List<Object> given = new ArrayList<>(List.of(
                new SessionStarted(SESSION, COUPLE, exercise, List.of(ALEX, SAM), ALEX),
                new PartnerJoinedSession(SESSION, ALEX), new PartnerJoinedSession(SESSION, SAM)));
        if (alexOn != null) {
            given.add(new PartnerMovedToStep(SESSION, ALEX, alexOn));
        }
        if (samOn != null) {
            given.add(new PartnerMovedToStep(SESSION, SAM, samOn));
        }
        return given.toArray();
    }

    /** Both baby-steps lists written and revealed at "lists". */
    private static final Object[] LISTS_REVEALED = {
            new BehaviourListed(SESSION, "behaviour-s", SAM, "lists", "Ask how my day was", 2),
            new BehaviourListed(SESSION, "behaviour-a", ALEX, "lists", "Kiss me goodbye", 1),
            new AnswersMarkedReady(SESSION, "lists", SAM), new AnswersMarkedReady(SESSION, "lists", ALEX),
            new AnswersRevealed(SESSION, "lists", ALEX,
                    List.of(new RevealedEntry(ALEX, "behaviour-a"), new RevealedEntry(SAM, "behaviour-s")))};

    @Test
    void aSofteningIsVoicedOnlyOnAStepThatOffersIt() {
        fixture.given(on(Exercise.CYCLE_MAP, "incident", "loop"))
                .when(new SoftenAsBlamer(SESSION, ALEX, "move-1", "I miss you"))
                .expectNoEvents()
                .expectException(brokenRule(NOT_HERE));
    }

    @Test
    void aReengagementIsVoicedOnlyOnAStepThatOffersIt() {
        fixture.given(on(Exercise.SPACE_AND_CLOSENESS, "reassure", "needs"))
                .when(new ReengageAsWithdrawer(SESSION, SAM, "move-1", "I went quiet because I was scared"))
                .expectNoEvents()
                .expectException(brokenRule(NOT_HERE));
    }

    @Test
    void babyStepsAreTakenUpOnlyOnAStepThatOffersThem() {
        fixture.given(on(Exercise.BABY_STEPS, "lists", "choose")).andGiven(LISTS_REVEALED)
                .when(new ChooseBabyStep(SESSION, ALEX, "behaviour-s"))
                .expectNoEvents()
                .expectException(brokenRule(NOT_HERE));
        fixture.given(on(Exercise.BABY_STEPS, "lists", "choose")).andGiven(LISTS_REVEALED)
                .when(new OfferSmallerStep(SESSION, ALEX, "behaviour-s", "Ask at dinner on weekends"))
                .expectNoEvents()
                .expectException(brokenRule(NOT_HERE));
        fixture.given(on(Exercise.BABY_STEPS, "lists", "choose")).andGiven(LISTS_REVEALED)
                .andGiven(new BabyStepChosen(SESSION, "behaviour-s", SAM, ALEX))
                .when(new CommitToBabyStep(SESSION, ALEX, "behaviour-s"))
                .expectNoEvents()
                .expectException(brokenRule(NOT_HERE));
    }

    @Test
    void aPactIsProposedAndAgreedToOnlyOnAStepThatOffersIt() {
        fixture.given(on(Exercise.RESENTMENT_TO_CLOSENESS, "need", "closeness"))
                .when(new ProposeLetGo(SESSION, ALEX, "pact-1", "The missed birthday"))
                .expectNoEvents()
                .expectException(brokenRule(NOT_HERE));
        fixture.given(on(Exercise.RESENTMENT_TO_CLOSENESS, "closeness", "need"))
                .andGiven(new LetGoProposed(SESSION, "pact-1", ALEX, "The missed birthday"))
                .when(new ReleaseResentment(SESSION, SAM, "pact-1"))
                .expectNoEvents()
                .expectException(brokenRule(NOT_HERE));
    }

    @Test
    void aPartnerWhoHasNotMovedToAStepYetDoesNoAct() {
        fixture.given(on(Exercise.CYCLE_MAP, null, "loop"))
                .when(new SoftenAsBlamer(SESSION, ALEX, "move-1", "I miss you"))
                .expectNoEvents()
                .expectException(brokenRule(NOT_HERE));
    }

    @Test
    void freeNotesOfferNoAct() {
        fixture.given(on(Exercise.CYCLE_MAP, "notes", "loop"))
                .when(new SoftenAsBlamer(SESSION, ALEX, "move-1", "I miss you"))
                .expectNoEvents()
                .expectException(brokenRule(NOT_HERE));
    }

    @Test
    void theStepAPartnerLastMovedToIsTheOneThatCounts() {
        fixture.given(on(Exercise.CYCLE_MAP, "incident", null))
                .andGiven(new PartnerMovedToStep(SESSION, ALEX, "loop"))
                .when(new SoftenAsBlamer(SESSION, ALEX, "move-1", "I miss you"))
                .expectEvents(new BlamerSoftened(SESSION, "move-1", ALEX, "I miss you"));
        fixture.given(on(Exercise.CYCLE_MAP, "loop", null))
                .andGiven(new PartnerMovedToStep(SESSION, ALEX, "my-side"))
                .when(new SoftenAsBlamer(SESSION, ALEX, "move-1", "I miss you"))
                .expectNoEvents()
                .expectException(brokenRule(NOT_HERE));
    }

    @Test
    void anExerciseThatOffersNoSuchActSaysSoWhateverTheStep() {
        fixture.given(on(Exercise.CHECK_IN, "lean", "lean"))
                .when(new SoftenAsBlamer(SESSION, ALEX, "move-1", "I miss you"))
                .expectNoEvents()
                .expectException(brokenRule("not-in-this-exercise"));
    }

    /** The same table as the page's (exercise.js): each exercise offers all its acts at these steps, none elsewhere. */
    @Test
    void theStepsThatOfferActs() {
        Map<Exercise, List<String>> actSteps = new EnumMap<>(Exercise.class);
        for (Exercise exercise : Exercise.values()) {
            for (ExerciseStep step : exercise.steps()) {
                if (!step.acts().isEmpty()) {
                    assertThat(step.acts()).as("%s at %s", exercise, step.key()).isEqualTo(exercise.acts());
                    actSteps.computeIfAbsent(exercise, e -> new ArrayList<>()).add(step.key());
                }
            }
        }
        assertThat(actSteps).isEqualTo(Map.of(
                Exercise.CYCLE_MAP, List.of("loop", "next-time"),
                Exercise.RESENTMENT_TO_CLOSENESS, List.of("closeness"),
                Exercise.BABY_STEPS, List.of("choose", "let-go"),
                Exercise.SPACE_AND_CLOSENESS, List.of("reassure", "plan")));
        assertThat(Exercise.CYCLE_MAP.acts()).containsExactlyInAnyOrder(Act.SOFTENING, Act.REENGAGEMENT);
        assertThat(Exercise.RESENTMENT_TO_CLOSENESS.acts())
                .containsExactlyInAnyOrder(Act.SOFTENING, Act.REENGAGEMENT, Act.LET_GO);
        assertThat(Exercise.BABY_STEPS.acts()).containsExactlyInAnyOrder(Act.BABY_STEP, Act.LET_GO);
        assertThat(Exercise.SPACE_AND_CLOSENESS.acts()).containsExactlyInAnyOrder(Act.SOFTENING, Act.REENGAGEMENT);
        assertThat(ExerciseStep.NOTES.acts()).isEmpty();
    }
}
