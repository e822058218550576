package app.duet.command.session;

import app.duet.api.exercise.Lean;
import app.duet.api.exercise.LeanRecorded;
import app.duet.api.session.AnswersRevealed;
import app.duet.api.session.AnswersRevealed.RevealedEntry;
import app.duet.api.session.AnswersSubmitted;
import app.duet.api.session.DraftWritten;
import app.duet.api.session.Exercise;
import app.duet.api.session.PartnerJoinedSession;
import app.duet.api.session.RevealAnswers;
import app.duet.api.session.SessionEnded;
import app.duet.api.session.SessionStarted;
import app.duet.api.session.SubmitAnswers;
import app.duet.api.session.WriteDraft;
import app.duet.command.jointsession.JointSession;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static app.duet.command.BrokenRule.brokenRule;

/** Steps whose answers both partners give privately and then see at the same instant. */
class RevealTest {

    private static final String SESSION = "session-1";
    private static final String COUPLE = "couple-1";
    private static final String ALEX = "partner-alex";
    private static final String SAM = "partner-sam";
    private static final String STEP = "appreciation";
    private static final SessionStarted STARTED =
            new SessionStarted(SESSION, COUPLE, Exercise.CHECK_IN, List.of(ALEX, SAM), ALEX);
    private static final PartnerJoinedSession ALEX_JOINED = new PartnerJoinedSession(SESSION, ALEX);
    private static final PartnerJoinedSession SAM_JOINED = new PartnerJoinedSession(SESSION, SAM);
    private static final DraftWritten ALEX_ANSWERS = new DraftWritten(SESSION, "a-1", ALEX, STEP, "Your laugh");
    private static final DraftWritten ALEX_ANSWERS_MORE = new DraftWritten(SESSION, "a-2", ALEX, STEP, "Your coffee");
    private static final DraftWritten SAM_ANSWERS = new DraftWritten(SESSION, "s-1", SAM, STEP, "Your calm");
    private static final AnswersSubmitted ALEX_SUBMITTED = new AnswersSubmitted(SESSION, STEP, ALEX);
    private static final AnswersSubmitted SAM_SUBMITTED = new AnswersSubmitted(SESSION, STEP, SAM);
    private static final AnswersRevealed REVEALED = new AnswersRevealed(SESSION, STEP, SAM,
            List.of(new RevealedEntry(ALEX, "a-1"), new RevealedEntry(SAM, "s-1")));

    private FixtureConfiguration<JointSession> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(JointSession.class);
    }

    @Test
    void aPartnerSubmitsTheirAnswersAtARevealedStep() {
        fixture.given(STARTED, ALEX_JOINED, SAM_JOINED, ALEX_ANSWERS)
                .when(new SubmitAnswers(SESSION, ALEX, STEP))
                .expectEvents(ALEX_SUBMITTED);
    }

    @Test
    void onlyRevealedStepsTakeSubmissions() {
        fixture.given(STARTED, ALEX_JOINED, SAM_JOINED, new DraftWritten(SESSION, "n-1", ALEX, "notes", "Mine"))
                .when(new SubmitAnswers(SESSION, ALEX, "notes"))
                .expectNoEvents()
                .expectException(brokenRule("not-a-reveal-step"));
    }

    @Test
    void aPartnerAnswersBeforeSubmitting() {
        fixture.given(STARTED, ALEX_JOINED, SAM_JOINED, SAM_ANSWERS)
                .when(new SubmitAnswers(SESSION, ALEX, STEP))
                .expectNoEvents()
                .expectException(brokenRule("nothing-to-submit"));
    }

    @Test
    void answersAreSubmittedOnce() {
        fixture.given(STARTED, ALEX_JOINED, SAM_JOINED, ALEX_ANSWERS, ALEX_SUBMITTED)
                .when(new SubmitAnswers(SESSION, ALEX, STEP))
                .expectNoEvents()
                .expectException(brokenRule("already-submitted"));
    }

    @Test
    void submittedAnswersAreFinalUntilTheReveal() {
        fixture.given(STARTED, ALEX_JOINED, SAM_JOINED, ALEX_ANSWERS, ALEX_SUBMITTED)
                .when(new WriteDraft(SESSION, ALEX, "a-1", STEP, "Your laugh, and your eyes"))
                .expectNoEvents()
                .expectException(brokenRule("answers-submitted"));
        fixture.given(STARTED, ALEX_JOINED, SAM_JOINED, ALEX_ANSWERS, ALEX_SUBMITTED)
                .when(new WriteDraft(SESSION, ALEX, "a-2", STEP, "One more thing"))
                .expectNoEvents()
                .expectException(brokenRule("answers-submitted"));
    }

    @Test
    void noRevealBeforeBothAnswered() {
        fixture.given(STARTED, ALEX_JOINED, SAM_JOINED, ALEX_ANSWERS, SAM_ANSWERS, ALEX_SUBMITTED)
                .when(new RevealAnswers(SESSION, ALEX, STEP))
                .expectNoEvents()
                .expectException(brokenRule("reveal-before-both-answered"));
    }

    @Test
    void theRevealListsBothPartnersEntries() {
        fixture.given(STARTED, ALEX_JOINED, SAM_JOINED, SAM_ANSWERS, ALEX_ANSWERS_MORE, ALEX_ANSWERS,
                        SAM_SUBMITTED, ALEX_SUBMITTED)
                .when(new RevealAnswers(SESSION, SAM, STEP))
                .expectEvents(new AnswersRevealed(SESSION, STEP, SAM, List.of(
                        new RevealedEntry(ALEX, "a-1"), new RevealedEntry(ALEX, "a-2"), new RevealedEntry(SAM, "s-1"))));
    }

    @Test
    void aRevealLetsOutOnlyTheAnswersOfItsStep() {
        fixture.given(STARTED, ALEX_JOINED, SAM_JOINED, ALEX_ANSWERS, SAM_ANSWERS,
                        new DraftWritten(SESSION, "n-1", ALEX, "notes", "Private note"),
                        new LeanRecorded(SESSION, COUPLE, "l-1", SAM, "lean", Lean.BACK, 3),
                        ALEX_SUBMITTED, SAM_SUBMITTED)
                .when(new RevealAnswers(SESSION, SAM, STEP))
                .expectEvents(REVEALED);
    }

    @Test
    void onlyRevealedStepsAreRevealed() {
        fixture.given(STARTED, ALEX_JOINED, SAM_JOINED)
                .when(new RevealAnswers(SESSION, ALEX, "notes"))
                .expectNoEvents()
                .expectException(brokenRule("not-a-reveal-step"));
    }

    @Test
    void aStepIsRevealedOnce() {
        fixture.given(STARTED, ALEX_JOINED, SAM_JOINED, ALEX_ANSWERS, SAM_ANSWERS, ALEX_SUBMITTED, SAM_SUBMITTED,
                        REVEALED)
                .when(new RevealAnswers(SESSION, ALEX, STEP))
                .expectNoEvents()
                .expectException(brokenRule("step-revealed"));
    }

    @Test
    void nothingIsSubmittedAtARevealedStep() {
        fixture.given(STARTED, ALEX_JOINED, SAM_JOINED, ALEX_ANSWERS, SAM_ANSWERS, ALEX_SUBMITTED, SAM_SUBMITTED,
                        REVEALED)
                .when(new SubmitAnswers(SESSION, ALEX, STEP))
                .expectNoEvents()
                .expectException(brokenRule("step-revealed"));
    }

    @Test
    void revealedAnswersAreFinal() {
        fixture.given(STARTED, ALEX_JOINED, SAM_JOINED, ALEX_ANSWERS, SAM_ANSWERS, ALEX_SUBMITTED, SAM_SUBMITTED,
                        REVEALED)
                .when(new WriteDraft(SESSION, ALEX, "a-1", STEP, "Changed my mind"))
                .expectNoEvents()
                .expectException(brokenRule("entry-shared"));
        fixture.given(STARTED, ALEX_JOINED, SAM_JOINED, ALEX_ANSWERS, SAM_ANSWERS, ALEX_SUBMITTED, SAM_SUBMITTED,
                        REVEALED)
                .when(new WriteDraft(SESSION, ALEX, "a-9", STEP, "An afterthought"))
                .expectNoEvents()
                .expectException(brokenRule("step-revealed"));
    }

    @Test
    void nothingIsSubmittedOrRevealedInAnEndedSession() {
        fixture.given(STARTED, ALEX_JOINED, SAM_JOINED, ALEX_ANSWERS, new SessionEnded(SESSION, SAM))
                .when(new SubmitAnswers(SESSION, ALEX, STEP))
                .expectNoEvents()
                .expectException(brokenRule("session-ended"));
        fixture.given(STARTED, ALEX_JOINED, SAM_JOINED, ALEX_ANSWERS, SAM_ANSWERS, ALEX_SUBMITTED, SAM_SUBMITTED,
                        new SessionEnded(SESSION, SAM))
                .when(new RevealAnswers(SESSION, ALEX, STEP))
                .expectNoEvents()
                .expectException(brokenRule("session-ended"));
    }
}
