package app.duet.command.session;

import app.duet.api.session.Exercise;
import app.duet.api.session.JoinSession;
import app.duet.api.session.PartnerJoinedSession;
import app.duet.api.session.PauseSessionLeftAlone;
import app.duet.api.session.ResumeSession;
import app.duet.api.session.SessionEnded;
import app.duet.api.session.SessionPaused;
import app.duet.api.session.SessionResumed;
import app.duet.api.session.SessionStarted;
import app.duet.command.jointsession.JointSession;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

/**
 * A session both partners' connections left for long pauses, by nobody, and never ends; a paused or
 * ended one is left as it is; and the partners can always come back and resume it.
 */
class LeftAloneTest {

    private static final String SESSION = "session-1";
    private static final String ALEX = "partner-alex";
    private static final String SAM = "partner-sam";
    private static final SessionStarted STARTED =
            new SessionStarted(SESSION, "couple-1", Exercise.RESENTMENT_TO_CLOSENESS, List.of(ALEX, SAM), ALEX);
    private static final PartnerJoinedSession ALEX_JOINED = new PartnerJoinedSession(SESSION, ALEX);
    private static final PartnerJoinedSession SAM_JOINED = new PartnerJoinedSession(SESSION, SAM);
    private static final SessionPaused PAUSED_BY_NOBODY = new SessionPaused(SESSION, null);

    private FixtureConfiguration<JointSession> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(JointSession.class);
        fixture.registerInjectableResource((ObservingTherapists) (couple, therapist) -> false);
    }

    @Test
    void aRunningSessionLeftAlonePausesByNobodyAndDoesNotEnd() {
        fixture.given(STARTED, ALEX_JOINED, SAM_JOINED)
                .when(new PauseSessionLeftAlone(SESSION))
                .expectEvents(PAUSED_BY_NOBODY);
    }

    @Test
    void aPausedSessionStaysAsItIs() {
        fixture.given(STARTED, ALEX_JOINED, new SessionPaused(SESSION, ALEX))
                .when(new PauseSessionLeftAlone(SESSION))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anEndedSessionStaysEnded() {
        fixture.given(STARTED, ALEX_JOINED, new SessionEnded(SESSION, ALEX))
                .when(new PauseSessionLeftAlone(SESSION))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void partnersWhoComeBackRejoinAndResume() {
        fixture.given(STARTED, ALEX_JOINED, SAM_JOINED, PAUSED_BY_NOBODY)
                .when(new JoinSession(SESSION, ALEX))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(STARTED, ALEX_JOINED, SAM_JOINED, PAUSED_BY_NOBODY)
                .when(new ResumeSession(SESSION, SAM))
                .expectEvents(new SessionResumed(SESSION, SAM));
    }
}
