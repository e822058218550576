package app.duet.command.everyday;

import app.duet.api.everyday.AnswerEverydayBid;
import app.duet.api.everyday.EverydayBidAnswered;
import app.duet.api.everyday.EverydayBidMade;
import app.duet.api.everyday.EverydayBidMissed;
import app.duet.api.everyday.MakeEverydayBid;
import app.duet.api.pairing.CoupleCreated;
import app.duet.api.pairing.PartnerJoinedCouple;
import app.duet.api.privacy.CoupleErased;
import app.duet.api.session.BidResponse;
import app.duet.command.couple.Couple;
import app.duet.command.ledger.InMemoryItemLedger;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static app.duet.command.BrokenRule.brokenRule;

/**
 * A bid between sessions has a window (a day unless configured): made, its deadline is scheduled;
 * still open when the window closes, it is missed; answered in time, or fired again, nothing happens.
 * The fixture's events reach no ledger, so each test tells the ledger what its commands made.
 */
class MissedEverydayBidsTest {

    private static final String COUPLE = "couple-1";
    private static final String ALEX = "partner-alex";
    private static final String SAM = "partner-sam";
    private static final String BID = "bid-1";
    private static final Duration DAY = Duration.ofHours(24);
    private static final CoupleCreated CREATED = new CoupleCreated(COUPLE, ALEX, "Alex", "K7QF-2MZD",
            Instant.parse("2026-03-08T19:00:00Z"));
    private static final PartnerJoinedCouple SAM_JOINED = new PartnerJoinedCouple(COUPLE, SAM, "Sam");
    private static final MakeEverydayBid MAKE = new MakeEverydayBid(COUPLE, ALEX, BID, "Walk tonight?");
    private static final EverydayBidMade ALEX_BIDS = new EverydayBidMade(COUPLE, BID, ALEX, SAM, "Walk tonight?");
    private static final EverydayBidMissed MISSED = new EverydayBidMissed(COUPLE, BID, ALEX, SAM);

    private final InMemoryItemLedger ledger = new InMemoryItemLedger();
    private FixtureConfiguration<Couple> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Couple.class);
        fixture.registerInjectableResource(ledger);
    }

    @Test
    void aBidMadeBetweenSessionsOpensADayLongWindow() {
        fixture.registerInjectableResource(BidWindows.defaults());
        fixture.given(ledger.knows(CREATED, SAM_JOINED))
                .when(MAKE)
                .expectEvents(ALEX_BIDS)
                .expectScheduledDeadline(DAY, new BidWindow(COUPLE, BID))
                .expectScheduledDeadlineWithName(DAY, BidWindow.BETWEEN_SESSIONS);
    }

    @Test
    void theWindowIsAsLongAsConfigured() {
        fixture.registerInjectableResource(new BidWindows(Duration.ofHours(2), null));
        fixture.given(ledger.knows(CREATED, SAM_JOINED))
                .when(MAKE)
                .expectScheduledDeadline(Duration.ofHours(2), new BidWindow(COUPLE, BID))
                .expectNoScheduledDeadline(DAY, new BidWindow(COUPLE, BID));
    }

    @Test
    void aBidStillOpenWhenItsWindowClosesIsMissed() {
        bidMade()
                .whenTimeElapses(DAY)
                .expectTriggeredDeadlinesWithName(BidWindow.BETWEEN_SESSIONS)
                .expectEvents(MISSED);
    }

    @Test
    void nothingIsMissedBeforeTheWindowCloses() {
        bidMade()
                .whenTimeElapses(DAY.minusMinutes(1))
                .expectNoEvents()
                .expectScheduledDeadline(Duration.ofMinutes(1), new BidWindow(COUPLE, BID));
    }

    @Test
    void aBidAnsweredInTimeIsNotMissed() {
        TestExecutor<Couple> answered = bidMade().andGivenCommands(new AnswerEverydayBid(COUPLE, SAM, BID, BidResponse.AWAY));
        ledger.knows(new EverydayBidAnswered(COUPLE, BID, SAM, BidResponse.AWAY));
        answered.whenTimeElapses(DAY)
                .expectTriggeredDeadlinesWithName(BidWindow.BETWEEN_SESSIONS)
                .expectNoEvents();
    }

    /** db-scheduler fires a deadline at least once: fired again after the bid was missed, it adds nothing. */
    @Test
    void aWindowFiredAgainMissesTheBidOnlyOnce() {
        TestExecutor<Couple> made = bidMade();
        ledger.knows(MISSED);
        made.whenTimeElapses(DAY)
                .expectTriggeredDeadlinesWithName(BidWindow.BETWEEN_SESSIONS)
                .expectNoEvents();
    }

    @Test
    void theWindowOfAnErasedCouplesBidMissesNothing() {
        TestExecutor<Couple> made = bidMade();
        ledger.knows(new CoupleErased(COUPLE, SAM));
        made.whenTimeElapses(DAY).expectNoEvents();
    }

    @Test
    void aMissedBidCanNoLongerBeAnswered() {
        fixture.registerInjectableResource(BidWindows.defaults());
        fixture.given(ledger.knows(CREATED, SAM_JOINED, ALEX_BIDS, MISSED))
                .when(new AnswerEverydayBid(COUPLE, SAM, BID, BidResponse.TOWARD))
                .expectNoEvents()
                .expectException(brokenRule("bid-missed"));
    }

    /** The bid made by its command, so its window is scheduled, and entered in the ledger as the product's handler would. */
    private TestExecutor<Couple> bidMade() {
        fixture.registerInjectableResource(BidWindows.defaults());
        TestExecutor<Couple> made = fixture.given(ledger.knows(CREATED, SAM_JOINED)).andGivenCommands(MAKE);
        ledger.knows(ALEX_BIDS);
        return made;
    }
}
