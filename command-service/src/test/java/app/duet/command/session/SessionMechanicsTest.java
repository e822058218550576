package app.duet.command.session;

import app.duet.api.exercise.CycleLink;
import app.duet.api.exercise.ProposeLetGo;
import app.duet.api.exercise.RecordCycleLink;
import app.duet.api.exercise.SoftenAsBlamer;
import app.duet.api.session.DraftWritten;
import app.duet.api.session.Exercise;
import app.duet.api.session.MoveToStep;
import app.duet.api.session.JoinSessionAsTherapist;
import app.duet.api.session.PartnerJoinedSession;
import app.duet.api.session.PartnerMovedToStep;
import app.duet.api.session.PauseSession;
import app.duet.api.session.ResumeSession;
import app.duet.api.session.SessionEnded;
import app.duet.api.session.SessionPaused;
import app.duet.api.session.SessionResumed;
import app.duet.api.session.SessionStarted;
import app.duet.api.session.ShareEntry;
import app.duet.api.session.LeaveSessionAsTherapist;
import app.duet.api.session.TherapistJoinedSession;
import app.duet.api.session.TherapistLeftSession;
import app.duet.api.session.WriteDraft;
import app.duet.command.jointsession.JointSession;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static app.duet.command.BrokenRule.brokenRule;

/** Steps, pause and resume, observing therapists, and what a paused or ended session refuses. */
class SessionMechanicsTest {

    private static final String SESSION = "session-1";
    private static final String COUPLE = "couple-1";
    private static final String ALEX = "partner-alex";
    private static final String SAM = "partner-sam";
    private static final String THERAPIST = "therapist-lee";
    private static final SessionStarted STARTED =
            new SessionStarted(SESSION, COUPLE, Exercise.RESENTMENT_TO_CLOSENESS, List.of(ALEX, SAM), ALEX);
    private static final PartnerJoinedSession ALEX_JOINED = new PartnerJoinedSession(SESSION, ALEX);
    private static final PartnerJoinedSession SAM_JOINED = new PartnerJoinedSession(SESSION, SAM);
    private static final TherapistJoinedSession THERAPIST_JOINED = new TherapistJoinedSession(SESSION, THERAPIST);
    private static final SessionPaused ALEX_PAUSED = new SessionPaused(SESSION, ALEX);
    private static final SessionEnded ENDED = new SessionEnded(SESSION, ALEX);

    /** The therapists both partners consent to right now; a test withdraws consent by emptying it. */
    private final Set<String> consented = new HashSet<>(Set.of(THERAPIST));
    private FixtureConfiguration<JointSession> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(JointSession.class);
        fixture.registerInjectableResource(
                (ObservingTherapists) (couple, therapist) -> COUPLE.equals(couple) && consented.contains(therapist));
    }

    // --- steps ----------------------------------------------------------------------------------

    @Test
    void aPresentPartnerMovesToAStepOfTheExercise() {
        fixture.given(STARTED, ALEX_JOINED)
                .when(new MoveToStep(SESSION, ALEX, "first-feeling"))
                .expectEvents(new PartnerMovedToStep(SESSION, ALEX, "first-feeling"));
    }

    @Test
    void freeNotesAreAStepOfEveryExercise() {
        fixture.given(STARTED, ALEX_JOINED)
                .when(new MoveToStep(SESSION, ALEX, "notes"))
                .expectEvents(new PartnerMovedToStep(SESSION, ALEX, "notes"));
    }

    @Test
    void noMovingToAStepTheExerciseDoesNotHave() {
        fixture.given(STARTED, ALEX_JOINED)
                .when(new MoveToStep(SESSION, ALEX, "lists"))
                .expectNoEvents()
                .expectException(brokenRule("unknown-step"));
    }

    @Test
    void aPartnerJoinsBeforeMovingToAStep() {
        fixture.given(STARTED, SAM_JOINED)
                .when(new MoveToStep(SESSION, ALEX, "trigger"))
                .expectNoEvents()
                .expectException(brokenRule("not-present"));
    }

    // --- pause and resume -----------------------------------------------------------------------

    @Test
    void aPresentPartnerPausesTheSession() {
        fixture.given(STARTED, ALEX_JOINED, SAM_JOINED)
                .when(new PauseSession(SESSION, ALEX))
                .expectEvents(ALEX_PAUSED);
    }

    @Test
    void aPausedSessionIsNotPausedAgain() {
        fixture.given(STARTED, ALEX_JOINED, SAM_JOINED, ALEX_PAUSED)
                .when(new PauseSession(SESSION, SAM))
                .expectNoEvents()
                .expectException(brokenRule("already-paused"));
    }

    @Test
    void eitherPartnerResumesAPausedSession() {
        fixture.given(STARTED, ALEX_JOINED, SAM_JOINED, ALEX_PAUSED)
                .when(new ResumeSession(SESSION, SAM))
                .expectEvents(new SessionResumed(SESSION, SAM));
    }

    @Test
    void onlyAPausedSessionIsResumed() {
        fixture.given(STARTED, ALEX_JOINED, SAM_JOINED)
                .when(new ResumeSession(SESSION, SAM))
                .expectNoEvents()
                .expectException(brokenRule("not-paused"));
    }

    @Test
    void aPartnerWhoIsNotInTheSessionNeitherPausesNorResumesIt() {
        fixture.given(STARTED, SAM_JOINED)
                .when(new PauseSession(SESSION, ALEX))
                .expectNoEvents()
                .expectException(brokenRule("not-present"));
        fixture.given(STARTED, SAM_JOINED, new SessionPaused(SESSION, SAM))
                .when(new ResumeSession(SESSION, ALEX))
                .expectNoEvents()
                .expectException(brokenRule("not-present"));
    }

    @Test
    void theObservingTherapistPausesTheSession() {
        fixture.given(STARTED, ALEX_JOINED, SAM_JOINED, THERAPIST_JOINED)
                .when(new PauseSession(SESSION, THERAPIST))
                .expectEvents(new SessionPaused(SESSION, THERAPIST));
    }

    @Test
    void theObservingTherapistResumesTheSession() {
        fixture.given(STARTED, ALEX_JOINED, SAM_JOINED, THERAPIST_JOINED, ALEX_PAUSED)
                .when(new ResumeSession(SESSION, THERAPIST))
                .expectEvents(new SessionResumed(SESSION, THERAPIST));
    }

    @Test
    void aConsentedTherapistWhoIsNotObservingCannotPause() {
        fixture.given(STARTED, ALEX_JOINED, SAM_JOINED)
                .when(new PauseSession(SESSION, THERAPIST))
                .expectNoEvents()
                .expectException(brokenRule("not-present"));
    }

    @Test
    void aTherapistWhoseConsentWasWithdrawnNoLongerPausesOrResumes() {
        consented.clear();
        // No longer one of the session's people: refused as anyone else is, learning nothing of it.
        fixture.given(STARTED, ALEX_JOINED, SAM_JOINED, THERAPIST_JOINED)
                .when(new PauseSession(SESSION, THERAPIST))
                .expectNoEvents()
                .expectException(brokenRule("not-a-partner"));
        fixture.given(STARTED, ALEX_JOINED, SAM_JOINED, THERAPIST_JOINED, ALEX_PAUSED)
                .when(new ResumeSession(SESSION, THERAPIST))
                .expectNoEvents()
                .expectException(brokenRule("not-a-partner"));
    }

    // --- observing ------------------------------------------------------------------------------

    @Test
    void aTherapistBothPartnersConsentedToObservesTheSession() {
        fixture.given(STARTED, ALEX_JOINED)
                .when(new JoinSessionAsTherapist(SESSION, THERAPIST))
                .expectEvents(THERAPIST_JOINED);
    }

    /**
     * Opening the session again says so again: after consent was withdrawn and given anew, the
     * partners' view had taken the therapist out, and must show them back before they act.
     */
    @Test
    void observingAgainIsShownAgain() {
        fixture.given(STARTED, ALEX_JOINED, THERAPIST_JOINED)
                .when(new JoinSessionAsTherapist(SESSION, THERAPIST))
                .expectEvents(THERAPIST_JOINED);
    }

    @Test
    void aTherapistWithoutBothConsentsDoesNotObserve() {
        fixture.given(STARTED, ALEX_JOINED)
                .when(new JoinSessionAsTherapist(SESSION, "therapist-other"))
                .expectNoEvents()
                .expectException(brokenRule("not-consented"));
    }

    @Test
    void theObservingTherapistStopsObserving() {
        fixture.given(STARTED, ALEX_JOINED, THERAPIST_JOINED)
                .when(new LeaveSessionAsTherapist(SESSION, THERAPIST))
                .expectEvents(new TherapistLeftSession(SESSION, THERAPIST));
    }

    @Test
    void onlyAnObservingTherapistStopsObserving() {
        fixture.given(STARTED, ALEX_JOINED)
                .when(new LeaveSessionAsTherapist(SESSION, THERAPIST))
                .expectNoEvents()
                .expectException(brokenRule("not-observing"));
    }

    @Test
    void theEndOfTheSessionEndsObserving() {
        fixture.given(STARTED, ALEX_JOINED, THERAPIST_JOINED, ENDED)
                .when(new LeaveSessionAsTherapist(SESSION, THERAPIST))
                .expectNoEvents()
                .expectException(brokenRule("not-observing"));
    }

    // --- paused and ended sessions --------------------------------------------------------------

    @Test
    void aPausedSessionRefusesWriting() {
        fixture.given(STARTED, ALEX_JOINED, SAM_JOINED, ALEX_PAUSED)
                .when(new WriteDraft(SESSION, SAM, "entry-1", "closeness", "While we wait"))
                .expectNoEvents()
                .expectException(brokenRule("session-paused"));
        fixture.given(STARTED, ALEX_JOINED, SAM_JOINED, ALEX_PAUSED)
                .when(new RecordCycleLink(SESSION, SAM, "entry-1", "trigger", CycleLink.TRIGGER, 5, null, "The door"))
                .expectNoEvents()
                .expectException(brokenRule("session-paused"));
        fixture.given(STARTED, ALEX_JOINED, SAM_JOINED,
                        new DraftWritten(SESSION, "entry-1", SAM, "closeness", "Hold me"), ALEX_PAUSED)
                .when(new ShareEntry(SESSION, SAM, "entry-1"))
                .expectNoEvents()
                .expectException(brokenRule("session-paused"));
        fixture.given(STARTED, ALEX_JOINED, SAM_JOINED, ALEX_PAUSED)
                .when(new SoftenAsBlamer(SESSION, SAM, "move-1", "I miss you"))
                .expectNoEvents()
                .expectException(brokenRule("session-paused"));
        fixture.given(STARTED, ALEX_JOINED, SAM_JOINED, ALEX_PAUSED)
                .when(new ProposeLetGo(SESSION, SAM, "pact-1", "The missed birthday"))
                .expectNoEvents()
                .expectException(brokenRule("session-paused"));
    }

    @Test
    void aResumedSessionTakesWritingAgain() {
        fixture.given(STARTED, ALEX_JOINED, SAM_JOINED, ALEX_PAUSED, new SessionResumed(SESSION, ALEX))
                .when(new WriteDraft(SESSION, SAM, "entry-1", "closeness", "Back again"))
                .expectEvents(new DraftWritten(SESSION, "entry-1", SAM, "closeness", "Back again"));
    }

    @Test
    void nothingHappensInAnEndedSession() {
        fixture.given(STARTED, ALEX_JOINED, SAM_JOINED, ENDED)
                .when(new MoveToStep(SESSION, SAM, "trigger"))
                .expectNoEvents()
                .expectException(brokenRule("session-ended"));
        fixture.given(STARTED, ALEX_JOINED, SAM_JOINED, ENDED)
                .when(new PauseSession(SESSION, SAM))
                .expectNoEvents()
                .expectException(brokenRule("session-ended"));
        fixture.given(STARTED, ALEX_JOINED, SAM_JOINED, ALEX_PAUSED, ENDED)
                .when(new ResumeSession(SESSION, SAM))
                .expectNoEvents()
                .expectException(brokenRule("session-ended"));
        fixture.given(STARTED, ALEX_JOINED, SAM_JOINED, ENDED)
                .when(new JoinSessionAsTherapist(SESSION, THERAPIST))
                .expectNoEvents()
                .expectException(brokenRule("session-ended"));
        fixture.given(STARTED, ALEX_JOINED, SAM_JOINED, ENDED)
                .when(new WriteDraft(SESSION, SAM, "entry-1", "closeness", "Too late"))
                .expectNoEvents()
                .expectException(brokenRule("session-ended"));
    }
}
