package app.duet.command.session;

import app.duet.api.exercise.CycleLink;
import app.duet.api.exercise.CycleLinkRecorded;
import app.duet.api.exercise.CycleMove;
import app.duet.api.session.AnswersRevealed;
import app.duet.api.session.AnswersRevealed.RevealedEntry;
import app.duet.api.session.AnswersMarkedReady;
import app.duet.api.session.DraftWritten;
import app.duet.api.session.EntryShared;
import app.duet.api.session.Exercise;
import app.duet.api.session.PartnerJoinedSession;
import app.duet.api.session.MarkAnswersReady;
import app.duet.api.session.SessionStarted;
import app.duet.api.session.ShareEntry;
import app.duet.command.jointsession.JointSession;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static app.duet.command.BrokenRule.brokenRule;

/**
 * The resentment-to-closeness exercise: three steps each partner keeps to themselves, two revealed
 * to each other at once, and a last one each shares when ready.
 */
class ResentmentToClosenessTest {

    private static final String SESSION = "session-1";
    private static final String COUPLE = "couple-1";
    private static final String ALEX = "partner-alex";
    private static final String SAM = "partner-sam";
    private static final SessionStarted STARTED =
            new SessionStarted(SESSION, COUPLE, Exercise.RESENTMENT_TO_CLOSENESS, List.of(ALEX, SAM), ALEX);
    private static final PartnerJoinedSession ALEX_JOINED = new PartnerJoinedSession(SESSION, ALEX);
    private static final PartnerJoinedSession SAM_JOINED = new PartnerJoinedSession(SESSION, SAM);
    private static final CycleLinkRecorded ALEX_TRIGGER = new CycleLinkRecorded(SESSION, "trigger-a", ALEX,
            "trigger", CycleLink.TRIGGER, 7, null, "You checked your phone");
    private static final CycleLinkRecorded ALEX_BEHAVIOUR = new CycleLinkRecorded(SESSION, "did-a", ALEX,
            "what-i-did", CycleLink.BEHAVIOUR, 8, CycleMove.CRITICISE, "I snapped");
    private static final CycleLinkRecorded ALEX_DEEPER = new CycleLinkRecorded(SESSION, "deeper-a", ALEX,
            "deeper-feeling", CycleLink.PRIMARY_EMOTION, 9, null, "Lonely");
    private static final CycleLinkRecorded SAM_DEEPER = new CycleLinkRecorded(SESSION, "deeper-s", SAM,
            "deeper-feeling", CycleLink.PRIMARY_EMOTION, 6, null, "Afraid of failing you");

    private FixtureConfiguration<JointSession> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(JointSession.class);
    }

    @Test
    void anOwnStepsEntryIsNeverShared() {
        fixture.given(STARTED, ALEX_JOINED, SAM_JOINED, ALEX_TRIGGER)
                .when(new ShareEntry(SESSION, ALEX, "trigger-a"))
                .expectNoEvents()
                .expectException(brokenRule("entry-stays-own"));
    }

    @Test
    void anOwnStepsEntryStaysOwnEvenAfterTheRevealsAroundIt() {
        fixture.given(STARTED, ALEX_JOINED, SAM_JOINED, ALEX_BEHAVIOUR, ALEX_DEEPER, SAM_DEEPER,
                        new AnswersMarkedReady(SESSION, "deeper-feeling", ALEX),
                        new AnswersMarkedReady(SESSION, "deeper-feeling", SAM),
                        new AnswersRevealed(SESSION, "deeper-feeling", SAM,
                                List.of(new RevealedEntry(ALEX, "deeper-a"), new RevealedEntry(SAM, "deeper-s"))))
                .when(new ShareEntry(SESSION, ALEX, "did-a"))
                .expectNoEvents()
                .expectException(brokenRule("entry-stays-own"));
    }

    @Test
    void aRevealedStepsEntryIsNotSharedAlone() {
        fixture.given(STARTED, ALEX_JOINED, SAM_JOINED, ALEX_DEEPER)
                .when(new ShareEntry(SESSION, ALEX, "deeper-a"))
                .expectNoEvents()
                .expectException(brokenRule("revealed-together"));
    }

    @Test
    void theRevealOfADeeperFeelingLetsOutNoneOfTheOwnSteps() {
        fixture.registerInjectableResource(RevealSettings.defaults());
        fixture.given(STARTED, ALEX_JOINED, SAM_JOINED, ALEX_TRIGGER, ALEX_BEHAVIOUR, ALEX_DEEPER, SAM_DEEPER,
                        new AnswersMarkedReady(SESSION, "deeper-feeling", ALEX))
                .andGivenCommands(new MarkAnswersReady(SESSION, SAM, "deeper-feeling"))
                .whenTimeElapses(RevealSettings.defaults().revealCountdown())
                .expectEvents(new AnswersRevealed(SESSION, "deeper-feeling", null,
                        List.of(new RevealedEntry(ALEX, "deeper-a"), new RevealedEntry(SAM, "deeper-s"))));
    }

    @Test
    void theClosenessStepIsSharedByEachWhenReady() {
        fixture.given(STARTED, ALEX_JOINED, SAM_JOINED,
                        new DraftWritten(SESSION, "close-s", SAM, "closeness", "Hold my hand when I go quiet"))
                .when(new ShareEntry(SESSION, SAM, "close-s"))
                .expectEvents(new EntryShared(SESSION, "close-s", SAM));
    }
}
