package app.duet.command.session;

import app.duet.api.session.AnswerBid;
import app.duet.api.session.BidAnswered;
import app.duet.api.session.BidMade;
import app.duet.api.session.BidMissed;
import app.duet.api.session.BidResponse;
import app.duet.api.session.EndSession;
import app.duet.api.session.Exercise;
import app.duet.api.session.LeaveSession;
import app.duet.api.session.MakeBid;
import app.duet.api.session.PartnerJoinedSession;
import app.duet.api.session.PartnerLeftSession;
import app.duet.api.session.SessionEnded;
import app.duet.api.session.SessionStarted;
import app.duet.command.everyday.BidWindow;
import app.duet.command.everyday.BidWindows;
import app.duet.command.jointsession.JointSession;
import app.duet.command.ledger.InMemoryItemLedger;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static app.duet.command.BrokenRule.brokenRule;

/**
 * A bid in a session is missed when the session ends with it still open, however it ends, and
 * before the end itself; where an in-session window is set, when that window closes.
 */
class MissedSessionBidsTest {

    private static final String SESSION = "session-1";
    private static final String ALEX = "partner-alex";
    private static final String SAM = "partner-sam";
    private static final Duration TEN_MINUTES = Duration.ofMinutes(10);
    private static final SessionStarted STARTED =
            new SessionStarted(SESSION, "couple-1", Exercise.CHECK_IN, List.of(ALEX, SAM), ALEX);
    private static final PartnerJoinedSession ALEX_JOINED = new PartnerJoinedSession(SESSION, ALEX);
    private static final PartnerJoinedSession SAM_JOINED = new PartnerJoinedSession(SESSION, SAM);
    private static final BidMade ALEX_BIDS = new BidMade(SESSION, "bid-1", ALEX, SAM, "Look at that sunset");
    private static final BidAnswered SAM_ANSWERS = new BidAnswered(SESSION, "bid-1", SAM, BidResponse.TOWARD);
    private static final BidMade ALEX_BIDS_AGAIN = new BidMade(SESSION, "bid-2", ALEX, SAM, "Tea?");
    private static final BidMade SAM_BIDS = new BidMade(SESSION, "bid-3", SAM, ALEX, "Hold my hand");

    private final InMemoryItemLedger ledger = new InMemoryItemLedger();
    private FixtureConfiguration<JointSession> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(JointSession.class);
        fixture.registerInjectableResource(ledger);
    }

    @Test
    void endingTheSessionMissesExactlyItsOpenBidsBeforeTheEnd() {
        fixture.registerInjectableResource(BidWindows.defaults());
        fixture.given(ledger.knows(STARTED, ALEX_JOINED, SAM_JOINED, ALEX_BIDS, SAM_ANSWERS, ALEX_BIDS_AGAIN, SAM_BIDS))
                .when(new EndSession(SESSION, SAM))
                .expectEvents(new BidMissed(SESSION, "bid-2", ALEX, SAM), new BidMissed(SESSION, "bid-3", SAM, ALEX),
                        new SessionEnded(SESSION, SAM));
    }

    @Test
    void theLastPartnerLeavingMissesTheOpenBidsBeforeTheEnd() {
        fixture.registerInjectableResource(BidWindows.defaults());
        fixture.given(ledger.knows(STARTED, ALEX_JOINED, SAM_JOINED, ALEX_BIDS, new PartnerLeftSession(SESSION, ALEX)))
                .when(new LeaveSession(SESSION, SAM))
                .expectEvents(new PartnerLeftSession(SESSION, SAM), new BidMissed(SESSION, "bid-1", ALEX, SAM),
                        new SessionEnded(SESSION, null));
    }

    @Test
    void aPartnerLeavingWhileTheOtherStaysMissesNothing() {
        fixture.registerInjectableResource(BidWindows.defaults());
        fixture.given(ledger.knows(STARTED, ALEX_JOINED, SAM_JOINED, ALEX_BIDS))
                .when(new LeaveSession(SESSION, SAM))
                .expectEvents(new PartnerLeftSession(SESSION, SAM));
    }

    @Test
    void aSessionWhoseBidsWereAllAnsweredEndsWithNoneMissed() {
        fixture.registerInjectableResource(BidWindows.defaults());
        fixture.given(ledger.knows(STARTED, ALEX_JOINED, SAM_JOINED, ALEX_BIDS, SAM_ANSWERS))
                .when(new EndSession(SESSION, ALEX))
                .expectEvents(new SessionEnded(SESSION, ALEX));
    }

    @Test
    void byDefaultABidInASessionHasNoWindowOfItsOwn() {
        fixture.registerInjectableResource(BidWindows.defaults());
        fixture.given(ledger.knows(STARTED, ALEX_JOINED, SAM_JOINED))
                .when(new MakeBid(SESSION, "bid-1", ALEX, "Look at that sunset"))
                .expectEvents(ALEX_BIDS)
                .expectNoScheduledDeadlines();
    }

    @Test
    void anInSessionWindowIsScheduledWhereConfigured() {
        fixture.registerInjectableResource(new BidWindows(Duration.ofHours(24), TEN_MINUTES));
        fixture.given(ledger.knows(STARTED, ALEX_JOINED, SAM_JOINED))
                .when(new MakeBid(SESSION, "bid-1", ALEX, "Look at that sunset"))
                .expectEvents(ALEX_BIDS)
                .expectScheduledDeadline(TEN_MINUTES, new BidWindow(SESSION, "bid-1"))
                .expectScheduledDeadlineWithName(TEN_MINUTES, BidWindow.IN_SESSION);
    }

    @Test
    void aBidStillOpenWhenItsInSessionWindowClosesIsMissedWhileTheSessionGoesOn() {
        bidMadeWithAWindow()
                .whenTimeElapses(TEN_MINUTES)
                .expectTriggeredDeadlinesWithName(BidWindow.IN_SESSION)
                .expectEvents(new BidMissed(SESSION, "bid-1", ALEX, SAM));
    }

    @Test
    void aBidAnsweredWithinItsInSessionWindowIsNotMissed() {
        TestExecutor<JointSession> answered = bidMadeWithAWindow()
                .andGivenCommands(new AnswerBid(SESSION, "bid-1", SAM, BidResponse.TOWARD));
        ledger.knows(SAM_ANSWERS);
        answered.whenTimeElapses(TEN_MINUTES).expectNoEvents();
    }

    @Test
    void aBidMissedWhenTheSessionEndedIsNotMissedAgainByItsWindow() {
        TestExecutor<JointSession> ended = bidMadeWithAWindow().andGivenCommands(new EndSession(SESSION, ALEX));
        ledger.knows(new BidMissed(SESSION, "bid-1", ALEX, SAM), new SessionEnded(SESSION, ALEX));
        ended.whenTimeElapses(TEN_MINUTES).expectNoEvents();
    }

    @Test
    void aBidMissedInARunningSessionCanNoLongerBeAnswered() {
        fixture.registerInjectableResource(BidWindows.defaults());
        fixture.given(ledger.knows(STARTED, ALEX_JOINED, SAM_JOINED, ALEX_BIDS, new BidMissed(SESSION, "bid-1", ALEX, SAM)))
                .when(new AnswerBid(SESSION, "bid-1", SAM, BidResponse.TOWARD))
                .expectNoEvents()
                .expectException(brokenRule("bid-missed"));
    }

    @Test
    void aBidMissedEarlierIsNotMissedAgainAtTheEnd() {
        fixture.registerInjectableResource(BidWindows.defaults());
        fixture.given(ledger.knows(STARTED, ALEX_JOINED, SAM_JOINED, ALEX_BIDS, new BidMissed(SESSION, "bid-1", ALEX, SAM)))
                .when(new EndSession(SESSION, SAM))
                .expectEvents(new SessionEnded(SESSION, SAM));
    }

    /** A bid made by its command in a session with a ten-minute window, entered in the ledger as the product's handler would. */
    private TestExecutor<JointSession> bidMadeWithAWindow() {
        fixture.registerInjectableResource(new BidWindows(Duration.ofHours(24), TEN_MINUTES));
        TestExecutor<JointSession> made = fixture.given(ledger.knows(STARTED, ALEX_JOINED, SAM_JOINED))
                .andGivenCommands(new MakeBid(SESSION, "bid-1", ALEX, "Look at that sunset"));
        ledger.knows(ALEX_BIDS);
        return made;
    }
}
