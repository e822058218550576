package app.duet.command.exercise;

import app.duet.api.exercise.BabyStepChosen;
import app.duet.api.exercise.BabyStepCommitted;
import app.duet.api.exercise.BabyStepFollowedUp;
import app.duet.api.exercise.BehaviourListed;
import app.duet.api.exercise.FollowUpBabyStep;
import app.duet.api.session.AnswersRevealed;
import app.duet.api.session.AnswersRevealed.RevealedEntry;
import app.duet.api.session.AnswersMarkedReady;
import app.duet.api.session.Exercise;
import app.duet.api.session.PartnerJoinedSession;
import app.duet.api.session.PartnerMovedToStep;
import app.duet.api.session.SessionEnded;
import app.duet.api.session.SessionPaused;
import app.duet.api.session.SessionStarted;
import app.duet.command.jointsession.JointSession;
import app.duet.command.ledger.InMemoryItemLedger;
import app.duet.command.session.ObservingTherapists;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static app.duet.command.BrokenRule.brokenRule;

/**
 * A baby step followed through: between sessions, and after the session ended, the partner who
 * committed to it says each time whether it happened; nobody else does.
 */
class BabyStepFollowUpsTest {

    private static final String SESSION = "session-1";
    private static final String COUPLE = "couple-1";
    private static final String ALEX = "partner-alex";
    private static final String SAM = "partner-sam";
    private static final String STRANGER = "partner-of-another-couple";
    /** Sam listed this behaviour and Alex committed to it; Alex listed the other one and Sam committed to that. */
    private static final String SAMS_BEHAVIOUR = "behaviour-s";
    private static final String ALEXS_BEHAVIOUR = "behaviour-a";
    private static final String UNCOMMITTED = "behaviour-nobody-took-up";
    private static final BabyStepCommitted ALEX_COMMITTED = new BabyStepCommitted(SESSION, SAMS_BEHAVIOUR, SAM, ALEX, false);
    private static final BabyStepFollowedUp ALEX_DID_IT =
            new BabyStepFollowedUp(SESSION, "follow-up-1", SAMS_BEHAVIOUR, ALEX, true);

    private final InMemoryItemLedger ledger = new InMemoryItemLedger();
    private FixtureConfiguration<JointSession> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(JointSession.class);
        fixture.registerInjectableResource((ObservingTherapists) (couple, therapist) -> false);
        fixture.registerInjectableResource(ledger);
    }

    /** A baby-steps session in which each partner committed to a step from the other's list; then it ended. */
    private static Object[] committedAndEnded() {
        String lists = "lists";
        String choose = "choose";
        List<Object> given = new ArrayList<>(List.of(
                new SessionStarted(SESSION, COUPLE, Exercise.BABY_STEPS, List.of(ALEX, SAM), ALEX),
                new PartnerJoinedSession(SESSION, ALEX), new PartnerJoinedSession(SESSION, SAM),
                new PartnerMovedToStep(SESSION, ALEX, choose), new PartnerMovedToStep(SESSION, SAM, choose),
                new BehaviourListed(SESSION, SAMS_BEHAVIOUR, SAM, lists, "Ask how my day was", 2),
                new BehaviourListed(SESSION, ALEXS_BEHAVIOUR, ALEX, lists, "Kiss me goodbye", 1),
                new BehaviourListed(SESSION, UNCOMMITTED, SAM, lists, "Plan a date", 4),
                new AnswersMarkedReady(SESSION, lists, SAM), new AnswersMarkedReady(SESSION, lists, ALEX),
                new AnswersRevealed(SESSION, lists, ALEX, List.of(new RevealedEntry(ALEX, ALEXS_BEHAVIOUR),
                        new RevealedEntry(SAM, SAMS_BEHAVIOUR), new RevealedEntry(SAM, UNCOMMITTED))),
                new BabyStepChosen(SESSION, SAMS_BEHAVIOUR, SAM, ALEX), ALEX_COMMITTED,
                new BabyStepChosen(SESSION, ALEXS_BEHAVIOUR, ALEX, SAM),
                new BabyStepCommitted(SESSION, ALEXS_BEHAVIOUR, ALEX, SAM, false),
                new SessionEnded(SESSION, ALEX)));
        return given.toArray();
    }

    @Test
    void afterTheSessionEndedThePartnerWhoCommittedSaysTheStepWasDone() {
        fixture.given(committedAndEnded())
                .when(new FollowUpBabyStep(SESSION, "follow-up-1", ALEX, SAMS_BEHAVIOUR, true))
                .expectEvents(ALEX_DID_IT);
    }

    @Test
    void theyMaySayItDidNotHappenThisTimeAndFollowUpAgainAndAgain() {
        fixture.given(committedAndEnded()).andGiven(ledger.knows(ALEX_DID_IT,
                        new BabyStepFollowedUp(SESSION, "follow-up-2", SAMS_BEHAVIOUR, ALEX, false)))
                .when(new FollowUpBabyStep(SESSION, "follow-up-3", ALEX, SAMS_BEHAVIOUR, false))
                .expectEvents(new BabyStepFollowedUp(SESSION, "follow-up-3", SAMS_BEHAVIOUR, ALEX, false));
    }

    @Test
    void eachPartnerFollowsUpTheStepTheyCommittedTo() {
        fixture.given(committedAndEnded())
                .when(new FollowUpBabyStep(SESSION, "follow-up-1", SAM, ALEXS_BEHAVIOUR, false))
                .expectEvents(new BabyStepFollowedUp(SESSION, "follow-up-1", ALEXS_BEHAVIOUR, SAM, false));
    }

    @Test
    void aStepIsFollowedUpWhileTheSessionStillRunsOrIsPausedToo() {
        Object[] running = committedAndEnded();
        running[running.length - 1] = new SessionPaused(SESSION, SAM);
        fixture.given(running)
                .when(new FollowUpBabyStep(SESSION, "follow-up-1", ALEX, SAMS_BEHAVIOUR, true))
                .expectEvents(ALEX_DID_IT);
    }

    @Test
    void aFollowUpIdIsUsedOnce() {
        fixture.given(committedAndEnded()).andGiven(ledger.knows(ALEX_DID_IT))
                .when(new FollowUpBabyStep(SESSION, "follow-up-1", ALEX, SAMS_BEHAVIOUR, false))
                .expectNoEvents()
                .expectException(brokenRule("duplicate-follow-up", "followUpId"));
    }

    @Test
    void aFollowUpHasAnId() {
        fixture.given(committedAndEnded())
                .when(new FollowUpBabyStep(SESSION, " ", ALEX, SAMS_BEHAVIOUR, true))
                .expectNoEvents()
                .expectException(brokenRule("follow-up-id-required", "followUpId"));
    }

    @Test
    void onlyThePartnerWhoCommittedFollowsUpTheirStep() {
        fixture.given(committedAndEnded())
                .when(new FollowUpBabyStep(SESSION, "follow-up-1", SAM, SAMS_BEHAVIOUR, true))
                .expectNoEvents()
                .expectException(brokenRule("not-your-step", "behaviourEntryId"));
    }

    @Test
    void aStepNobodyCommittedToIsNotFollowedUp() {
        fixture.given(committedAndEnded())
                .when(new FollowUpBabyStep(SESSION, "follow-up-1", ALEX, UNCOMMITTED, true))
                .expectNoEvents()
                .expectException(brokenRule("unknown-baby-step", "behaviourEntryId"));
        fixture.given(committedAndEnded())
                .when(new FollowUpBabyStep(SESSION, "follow-up-1", ALEX, "no-such-behaviour", true))
                .expectNoEvents()
                .expectException(brokenRule("unknown-baby-step", "behaviourEntryId"));
    }

    @Test
    void aFollowUpSaysWhetherTheStepHappened() {
        fixture.given(committedAndEnded())
                .when(new FollowUpBabyStep(SESSION, "follow-up-1", ALEX, SAMS_BEHAVIOUR, null))
                .expectNoEvents()
                .expectException(brokenRule("done-required", "done"));
    }

    @Test
    void someoneOutsideTheCoupleFollowsUpNothing() {
        fixture.given(committedAndEnded())
                .when(new FollowUpBabyStep(SESSION, "follow-up-1", STRANGER, SAMS_BEHAVIOUR, true))
                .expectNoEvents()
                .expectException(brokenRule("not-a-partner"));
    }
}
