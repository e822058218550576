package app.duet.command.session;

import app.duet.api.exercise.Lean;
import app.duet.api.exercise.LeanRecorded;
import app.duet.api.session.AnswersMarkedReady;
import app.duet.api.session.AnswersRevealed;
import app.duet.api.session.AnswersRevealed.RevealedEntry;
import app.duet.api.session.AnswersTakenBack;
import app.duet.api.session.DraftWritten;
import app.duet.api.session.Exercise;
import app.duet.api.session.MarkAnswersReady;
import app.duet.api.session.PartnerJoinedSession;
import app.duet.api.session.PauseSession;
import app.duet.api.session.ResumeSession;
import app.duet.api.session.RevealCountdownStarted;
import app.duet.api.session.SessionEnded;
import app.duet.api.session.SessionPaused;
import app.duet.api.session.SessionResumed;
import app.duet.api.session.SessionStarted;
import app.duet.api.session.TakeAnswersBack;
import app.duet.api.session.WriteDraft;
import app.duet.command.jointsession.JointSession;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static app.duet.command.BrokenRule.brokenRule;

/**
 * Steps whose answers both partners give privately and then see at the same instant: each marks
 * their answers ready (and may take them back); the second ready starts a countdown on the durable
 * scheduler, and its end reveals both, unless a pause held it or the session ended.
 */
class RevealTest {

    private static final String SESSION = "session-1";
    private static final String COUPLE = "couple-1";
    private static final String ALEX = "partner-alex";
    private static final String SAM = "partner-sam";
    private static final String STEP = "appreciation";
    private static final Instant T0 = Instant.parse("2026-12-05T19:30:00Z");
    private static final Duration COUNTDOWN = Duration.ofSeconds(5);
    private static final SessionStarted STARTED =
            new SessionStarted(SESSION, COUPLE, Exercise.CHECK_IN, List.of(ALEX, SAM), ALEX);
    private static final PartnerJoinedSession ALEX_JOINED = new PartnerJoinedSession(SESSION, ALEX);
    private static final PartnerJoinedSession SAM_JOINED = new PartnerJoinedSession(SESSION, SAM);
    private static final DraftWritten ALEX_ANSWERS = new DraftWritten(SESSION, "a-1", ALEX, STEP, "Your laugh");
    private static final DraftWritten ALEX_ANSWERS_MORE = new DraftWritten(SESSION, "a-2", ALEX, STEP, "Your coffee");
    private static final DraftWritten SAM_ANSWERS = new DraftWritten(SESSION, "s-1", SAM, STEP, "Your calm");
    private static final AnswersMarkedReady ALEX_READY = new AnswersMarkedReady(SESSION, STEP, ALEX);
    private static final AnswersMarkedReady SAM_READY = new AnswersMarkedReady(SESSION, STEP, SAM);
    private static final RevealCountdownStarted COUNTDOWN_STARTED = new RevealCountdownStarted(SESSION, STEP, T0.plus(COUNTDOWN));
    private static final AnswersRevealed REVEALED = new AnswersRevealed(SESSION, STEP, null,
            List.of(new RevealedEntry(ALEX, "a-1"), new RevealedEntry(SAM, "s-1")));

    private AggregateTestFixture<JointSession> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(JointSession.class);
        fixture.registerInjectableResource(new RevealSettings(COUNTDOWN));
        fixture.registerInjectableResource((ObservingTherapists) (couple, therapist) -> false);
    }

    @Test
    void aPartnerMarksTheirAnswersReadyAndNoCountdownStartsBeforeTheOtherIs() {
        fixture.given(STARTED, ALEX_JOINED, SAM_JOINED, ALEX_ANSWERS, SAM_ANSWERS)
                .when(new MarkAnswersReady(SESSION, ALEX, STEP))
                .expectEvents(ALEX_READY)
                .expectNoScheduledDeadlines();
    }

    @Test
    void theSecondPartnerReadyStartsTheCountdownOnTheDurableScheduler() {
        fixture.givenCurrentTime(T0).andGiven(STARTED, ALEX_JOINED, SAM_JOINED, ALEX_ANSWERS, SAM_ANSWERS, ALEX_READY)
                .when(new MarkAnswersReady(SESSION, SAM, STEP))
                .expectEvents(SAM_READY, COUNTDOWN_STARTED)
                .expectScheduledDeadlineWithName(COUNTDOWN, RevealCountdownEnds.NAME)
                .expectScheduledDeadline(COUNTDOWN, new RevealCountdownEnds(SESSION, STEP, T0.plus(COUNTDOWN)));
    }

    @Test
    void theEndOfTheCountdownRevealsBothPartnersAnswersAtOnce() {
        countdownStarted()
                .whenTimeElapses(COUNTDOWN)
                .expectTriggeredDeadlinesWithName(RevealCountdownEnds.NAME)
                .expectEvents(REVEALED);
    }

    @Test
    void nothingIsRevealedBeforeTheCountdownEnds() {
        countdownStarted()
                .whenTimeElapses(COUNTDOWN.minusMillis(1))
                .expectNoEvents();
    }

    @Test
    void theRevealListsEveryAnswerOfBothPartnersAtItsStepAndNothingElse() {
        fixture.givenCurrentTime(T0).andGiven(STARTED, ALEX_JOINED, SAM_JOINED, SAM_ANSWERS, ALEX_ANSWERS_MORE, ALEX_ANSWERS,
                        new DraftWritten(SESSION, "n-1", ALEX, "notes", "Private note"),
                        new LeanRecorded(SESSION, COUPLE, "l-1", SAM, "lean", Lean.BACK, 3), SAM_READY)
                .andGivenCommands(new MarkAnswersReady(SESSION, ALEX, STEP))
                .whenTimeElapses(COUNTDOWN)
                .expectEvents(new AnswersRevealed(SESSION, STEP, null, List.of(
                        new RevealedEntry(ALEX, "a-1"), new RevealedEntry(ALEX, "a-2"), new RevealedEntry(SAM, "s-1"))));
    }

    @Test
    void onlyStepsRevealedTogetherAreMarkedReady() {
        fixture.given(STARTED, ALEX_JOINED, SAM_JOINED, new DraftWritten(SESSION, "n-1", ALEX, "notes", "Mine"))
                .when(new MarkAnswersReady(SESSION, ALEX, "notes"))
                .expectNoEvents()
                .expectException(brokenRule("not-a-reveal-step"));
    }

    @Test
    void aPartnerAnswersBeforeMarkingReady() {
        fixture.given(STARTED, ALEX_JOINED, SAM_JOINED, SAM_ANSWERS)
                .when(new MarkAnswersReady(SESSION, ALEX, STEP))
                .expectNoEvents()
                .expectException(brokenRule("no-answer-yet"));
    }

    @Test
    void answersAreMarkedReadyOnce() {
        fixture.given(STARTED, ALEX_JOINED, SAM_JOINED, ALEX_ANSWERS, ALEX_READY)
                .when(new MarkAnswersReady(SESSION, ALEX, STEP))
                .expectNoEvents()
                .expectException(brokenRule("already-ready"));
    }

    @Test
    void readyAnswersAreFinalUntilTakenBack() {
        fixture.given(STARTED, ALEX_JOINED, SAM_JOINED, ALEX_ANSWERS, ALEX_READY)
                .when(new WriteDraft(SESSION, ALEX, "a-1", STEP, "Your laugh, and your eyes"))
                .expectNoEvents()
                .expectException(brokenRule("answers-ready"));
        fixture.given(STARTED, ALEX_JOINED, SAM_JOINED, ALEX_ANSWERS, ALEX_READY)
                .when(new WriteDraft(SESSION, ALEX, "a-2", STEP, "One more thing"))
                .expectNoEvents()
                .expectException(brokenRule("answers-ready"));
    }

    @Test
    void aPartnerTakesTheirAnswersBackAndMayChangeThem() {
        fixture.given(STARTED, ALEX_JOINED, SAM_JOINED, ALEX_ANSWERS, ALEX_READY)
                .when(new TakeAnswersBack(SESSION, ALEX, STEP))
                .expectEvents(new AnswersTakenBack(SESSION, STEP, ALEX));
        fixture.given(STARTED, ALEX_JOINED, SAM_JOINED, ALEX_ANSWERS, ALEX_READY, new AnswersTakenBack(SESSION, STEP, ALEX))
                .when(new WriteDraft(SESSION, ALEX, "a-1", STEP, "Your laugh, and your eyes"))
                .expectEvents(new DraftWritten(SESSION, "a-1", ALEX, STEP, "Your laugh, and your eyes"));
    }

    @Test
    void answersTakenBackLeaveTheOtherReadyAloneAndStartNoCountdownWhenTheOtherMarksReady() {
        fixture.given(STARTED, ALEX_JOINED, SAM_JOINED, ALEX_ANSWERS, SAM_ANSWERS, ALEX_READY,
                        new AnswersTakenBack(SESSION, STEP, ALEX))
                .when(new MarkAnswersReady(SESSION, SAM, STEP))
                .expectEvents(SAM_READY)
                .expectNoScheduledDeadlines();
    }

    @Test
    void onlyReadyAnswersAreTakenBack() {
        fixture.given(STARTED, ALEX_JOINED, SAM_JOINED, ALEX_ANSWERS)
                .when(new TakeAnswersBack(SESSION, ALEX, STEP))
                .expectNoEvents()
                .expectException(brokenRule("not-ready"));
    }

    @Test
    void answersAreNotTakenBackOnceTheCountdownHasStarted() {
        countdownStarted()
                .when(new TakeAnswersBack(SESSION, ALEX, STEP))
                .expectNoEvents()
                .expectException(brokenRule("countdown-running"));
    }

    @Test
    void aPauseHoldsTheCountdownItsDeadlineRevealsNothingAndResumingStartsItAgainWhole() {
        countdownStarted()
                .andGivenCommands(new PauseSession(SESSION, SAM))
                .whenTimeElapses(COUNTDOWN.multipliedBy(2))
                .expectTriggeredDeadlinesWithName(RevealCountdownEnds.NAME)
                .expectNoEvents();
        Instant resumedAt = T0.plus(COUNTDOWN.multipliedBy(2));
        fixture.givenCurrentTime(T0).andGiven(STARTED, ALEX_JOINED, SAM_JOINED, ALEX_ANSWERS, SAM_ANSWERS, ALEX_READY, SAM_READY,
                        COUNTDOWN_STARTED, new SessionPaused(SESSION, SAM))
                .andGivenCurrentTime(resumedAt)
                .when(new ResumeSession(SESSION, ALEX))
                .expectEvents(new SessionResumed(SESSION, ALEX), new RevealCountdownStarted(SESSION, STEP, resumedAt.plus(COUNTDOWN)))
                .expectScheduledDeadline(COUNTDOWN, new RevealCountdownEnds(SESSION, STEP, resumedAt.plus(COUNTDOWN)));
    }

    @Test
    void theCountdownStartedAgainAfterAPauseRevealsAtItsOwnEnd() {
        countdownStarted()
                .andGivenCommands(new PauseSession(SESSION, SAM))
                .andGivenCommands(new ResumeSession(SESSION, SAM))
                .whenTimeElapses(COUNTDOWN)
                .expectEvents(REVEALED);
    }

    @Test
    void aCountdownRunningWhenTheSessionEndsRevealsNothing() {
        countdownStarted()
                .andGiven(new SessionEnded(SESSION, SAM))
                .whenTimeElapses(COUNTDOWN)
                .expectTriggeredDeadlinesWithName(RevealCountdownEnds.NAME)
                .expectNoEvents();
    }

    @Test
    void aRevealedStepIsFinal() {
        fixture.given(STARTED, ALEX_JOINED, SAM_JOINED, ALEX_ANSWERS, SAM_ANSWERS, ALEX_READY, SAM_READY, COUNTDOWN_STARTED, REVEALED)
                .when(new MarkAnswersReady(SESSION, ALEX, STEP))
                .expectNoEvents()
                .expectException(brokenRule("step-revealed"));
        fixture.given(STARTED, ALEX_JOINED, SAM_JOINED, ALEX_ANSWERS, SAM_ANSWERS, ALEX_READY, SAM_READY, COUNTDOWN_STARTED, REVEALED)
                .when(new TakeAnswersBack(SESSION, ALEX, STEP))
                .expectNoEvents()
                .expectException(brokenRule("step-revealed"));
        fixture.given(STARTED, ALEX_JOINED, SAM_JOINED, ALEX_ANSWERS, SAM_ANSWERS, ALEX_READY, SAM_READY, COUNTDOWN_STARTED, REVEALED)
                .when(new WriteDraft(SESSION, ALEX, "a-1", STEP, "Changed my mind"))
                .expectNoEvents()
                .expectException(brokenRule("entry-shared"));
        fixture.given(STARTED, ALEX_JOINED, SAM_JOINED, ALEX_ANSWERS, SAM_ANSWERS, ALEX_READY, SAM_READY, COUNTDOWN_STARTED, REVEALED)
                .when(new WriteDraft(SESSION, ALEX, "a-9", STEP, "An afterthought"))
                .expectNoEvents()
                .expectException(brokenRule("step-revealed"));
    }

    @Test
    void nothingIsMarkedReadyOrTakenBackInAnEndedOrPausedSession() {
        fixture.given(STARTED, ALEX_JOINED, SAM_JOINED, ALEX_ANSWERS, new SessionEnded(SESSION, SAM))
                .when(new MarkAnswersReady(SESSION, ALEX, STEP))
                .expectNoEvents()
                .expectException(brokenRule("session-ended"));
        fixture.given(STARTED, ALEX_JOINED, SAM_JOINED, ALEX_ANSWERS, ALEX_READY, new SessionEnded(SESSION, SAM))
                .when(new TakeAnswersBack(SESSION, ALEX, STEP))
                .expectNoEvents()
                .expectException(brokenRule("session-ended"));
        fixture.given(STARTED, ALEX_JOINED, SAM_JOINED, ALEX_ANSWERS, new SessionPaused(SESSION, SAM))
                .when(new MarkAnswersReady(SESSION, ALEX, STEP))
                .expectNoEvents()
                .expectException(brokenRule("session-paused"));
        fixture.given(STARTED, ALEX_JOINED, SAM_JOINED, ALEX_ANSWERS, ALEX_READY, new SessionPaused(SESSION, SAM))
                .when(new TakeAnswersBack(SESSION, ALEX, STEP))
                .expectNoEvents()
                .expectException(brokenRule("session-paused"));
    }

    /**
     * A session of an earlier build: both submitted (now read as ready), never revealed, and no
     * countdown. Either may take their answers back; marked ready again, the countdown starts.
     */
    @Test
    void bothReadyInAnEarlierBuildWithNoCountdownCanStillBeRevealed() {
        fixture.givenCurrentTime(T0).andGiven(STARTED, ALEX_JOINED, SAM_JOINED, ALEX_ANSWERS, SAM_ANSWERS, ALEX_READY, SAM_READY)
                .andGivenCommands(new TakeAnswersBack(SESSION, ALEX, STEP))
                .when(new MarkAnswersReady(SESSION, ALEX, STEP))
                .expectEvents(ALEX_READY, COUNTDOWN_STARTED);
    }

    /** Both answered; Alex is ready, then Sam marks ready by command at T0, which starts the countdown. */
    private TestExecutor<JointSession> countdownStarted() {
        return fixture.givenCurrentTime(T0).andGiven(STARTED, ALEX_JOINED, SAM_JOINED, ALEX_ANSWERS, SAM_ANSWERS, ALEX_READY)
                .andGivenCommands(new MarkAnswersReady(SESSION, SAM, STEP));
    }
}
