package app.duet.command.everyday;

import app.duet.api.pairing.CoupleCreated;
import app.duet.api.privacy.CoupleErased;
import app.duet.api.pairing.PartnerJoinedCouple;
import app.duet.api.everyday.AnswerEverydayBid;
import app.duet.api.everyday.AppreciationExpressed;
import app.duet.api.everyday.CheckInLean;
import app.duet.api.everyday.EverydayBidAnswered;
import app.duet.api.everyday.EverydayBidMade;
import app.duet.api.everyday.ExpressAppreciation;
import app.duet.api.everyday.MakeEverydayBid;
import app.duet.api.exercise.Lean;
import app.duet.api.everyday.LeanCheckedIn;
import app.duet.api.session.BidResponse;
import app.duet.command.couple.Couple;
import app.duet.command.ledger.InMemoryItemLedger;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static app.duet.command.BrokenRule.brokenRule;

/** Between sessions: bids, lean check-ins and appreciations. */
class EverydayTest {

    private static final String COUPLE = "couple-1";
    private static final String ALEX = "partner-alex";
    private static final String SAM = "partner-sam";
    private static final String OUTSIDER = "partner-third";
    private static final String BID = "bid-1";
    private static final Instant EXPIRES = Instant.parse("2026-03-08T19:00:00Z");
    private static final CoupleCreated CREATED = new CoupleCreated(COUPLE, ALEX, "Alex", "K7QF-2MZD", EXPIRES);
    private static final PartnerJoinedCouple SAM_JOINED = new PartnerJoinedCouple(COUPLE, SAM, "Sam");
    private static final EverydayBidMade ALEX_BIDS = new EverydayBidMade(COUPLE, BID, ALEX, SAM, "Walk tonight?");

    private final InMemoryItemLedger ledger = new InMemoryItemLedger();
    private FixtureConfiguration<Couple> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Couple.class);
        fixture.registerInjectableResource(ledger);
        fixture.registerInjectableResource(BidWindows.defaults());
    }

    // --- bids -----------------------------------------------------------------------------------

    @Test
    void aPartnerMakesAnEverydayBidToTheOther() {
        fixture.given(ledger.knows(CREATED, SAM_JOINED))
                .when(new MakeEverydayBid(COUPLE, ALEX, BID, "Walk tonight?"))
                .expectEvents(ALEX_BIDS);
    }

    @Test
    void noEverydayBidBeforeTheOtherPartnerJoined() {
        fixture.given(ledger.knows(CREATED))
                .when(new MakeEverydayBid(COUPLE, ALEX, BID, "Walk tonight?"))
                .expectNoEvents()
                .expectException(brokenRule("couple-incomplete"));
    }

    @Test
    void someoneOutsideTheCoupleMakesNoBid() {
        fixture.given(ledger.knows(CREATED, SAM_JOINED))
                .when(new MakeEverydayBid(COUPLE, OUTSIDER, BID, "Hello"))
                .expectNoEvents()
                .expectException(brokenRule("not-a-partner"));
    }

    @Test
    void anEverydayBidIsMadeOnce() {
        fixture.given(ledger.knows(CREATED, SAM_JOINED, ALEX_BIDS))
                .when(new MakeEverydayBid(COUPLE, SAM, BID, "Film?"))
                .expectNoEvents()
                .expectException(brokenRule("duplicate-bid"));
    }

    @Test
    void theOtherPartnerAnswersAnEverydayBid() {
        fixture.given(ledger.knows(CREATED, SAM_JOINED, ALEX_BIDS))
                .when(new AnswerEverydayBid(COUPLE, SAM, BID, BidResponse.TOWARD))
                .expectEvents(new EverydayBidAnswered(COUPLE, BID, SAM, BidResponse.TOWARD));
    }

    @Test
    void nobodyAnswersTheirOwnEverydayBid() {
        fixture.given(ledger.knows(CREATED, SAM_JOINED, ALEX_BIDS))
                .when(new AnswerEverydayBid(COUPLE, ALEX, BID, BidResponse.TOWARD))
                .expectNoEvents()
                .expectException(brokenRule("own-bid"));
    }

    @Test
    void anUnknownEverydayBidIsNotAnswered() {
        fixture.given(ledger.knows(CREATED, SAM_JOINED))
                .when(new AnswerEverydayBid(COUPLE, SAM, BID, BidResponse.AWAY))
                .expectNoEvents()
                .expectException(brokenRule("unknown-bid"));
    }

    @Test
    void anEverydayBidIsAnsweredOnce() {
        fixture.given(ledger.knows(CREATED, SAM_JOINED, ALEX_BIDS, new EverydayBidAnswered(COUPLE, BID, SAM, BidResponse.AWAY)))
                .when(new AnswerEverydayBid(COUPLE, SAM, BID, BidResponse.TOWARD))
                .expectNoEvents()
                .expectException(brokenRule("bid-already-answered"));
    }

    @Test
    void anAnswerTurnsTowardAwayOrAgainst() {
        fixture.given(ledger.knows(CREATED, SAM_JOINED, ALEX_BIDS))
                .when(new AnswerEverydayBid(COUPLE, SAM, BID, null))
                .expectNoEvents()
                .expectException(brokenRule("response-required"));
    }

    // --- lean check-ins -------------------------------------------------------------------------

    @Test
    void aPartnerChecksInWithTheirLeanBetweenSessions() {
        fixture.given(ledger.knows(CREATED, SAM_JOINED))
                .when(new CheckInLean(COUPLE, ALEX, "check-in-1", Lean.IN, 7))
                .expectEvents(new LeanCheckedIn(COUPLE, "check-in-1", ALEX, Lean.IN, 7));
    }

    @Test
    void aPartnerChecksInEvenBeforeTheOtherJoined() {
        fixture.given(ledger.knows(CREATED))
                .when(new CheckInLean(COUPLE, ALEX, "check-in-1", Lean.BACK, 5))
                .expectEvents(new LeanCheckedIn(COUPLE, "check-in-1", ALEX, Lean.BACK, 5));
    }

    @Test
    void aCheckInIsMadeOnce() {
        fixture.given(ledger.knows(CREATED, SAM_JOINED, new LeanCheckedIn(COUPLE, "check-in-1", ALEX, Lean.IN, 7)))
                .when(new CheckInLean(COUPLE, SAM, "check-in-1", Lean.OUT, 2))
                .expectNoEvents()
                .expectException(brokenRule("duplicate-check-in"));
    }

    @Test
    void aCheckInSaysWhereThePartnerLeans() {
        fixture.given(ledger.knows(CREATED, SAM_JOINED))
                .when(new CheckInLean(COUPLE, ALEX, "check-in-1", null, 7))
                .expectNoEvents()
                .expectException(brokenRule("lean-required"));
    }

    @Test
    void checkInEnergyRunsFromZeroToTen() {
        fixture.given(ledger.knows(CREATED, SAM_JOINED))
                .when(new CheckInLean(COUPLE, ALEX, "check-in-1", Lean.OUT, -1))
                .expectNoEvents()
                .expectException(brokenRule("energy-out-of-range"));
        fixture.given(ledger.knows(CREATED, SAM_JOINED))
                .when(new CheckInLean(COUPLE, ALEX, "check-in-1", Lean.IN, 11))
                .expectNoEvents()
                .expectException(brokenRule("energy-out-of-range"));
    }

    // --- appreciations --------------------------------------------------------------------------

    @Test
    void aPartnerExpressesAppreciationToTheOther() {
        fixture.given(ledger.knows(CREATED, SAM_JOINED))
                .when(new ExpressAppreciation(COUPLE, SAM, "thanks-1", "You made soup when I was ill"))
                .expectEvents(new AppreciationExpressed(COUPLE, "thanks-1", SAM, ALEX, "You made soup when I was ill"));
    }

    @Test
    void anAppreciationIsPutIntoWords() {
        fixture.given(ledger.knows(CREATED, SAM_JOINED))
                .when(new ExpressAppreciation(COUPLE, SAM, "thanks-1", " "))
                .expectNoEvents()
                .expectException(brokenRule("words-required"));
    }

    @Test
    void anAppreciationIsExpressedOnce() {
        fixture.given(ledger.knows(CREATED, SAM_JOINED, new AppreciationExpressed(COUPLE, "thanks-1", SAM, ALEX, "Soup")))
                .when(new ExpressAppreciation(COUPLE, ALEX, "thanks-1", "The flowers"))
                .expectNoEvents()
                .expectException(brokenRule("duplicate-appreciation"));
    }

    @Test
    void anAppreciationNeedsAPartnerToReceiveIt() {
        fixture.given(ledger.knows(CREATED))
                .when(new ExpressAppreciation(COUPLE, ALEX, "thanks-1", "You joined"))
                .expectNoEvents()
                .expectException(brokenRule("couple-incomplete"));
    }

    // --- an erased couple -----------------------------------------------------------------------

    @Test
    void nothingHappensBetweenSessionsOfAnErasedCouple() {
        fixture.given(ledger.knows(CREATED, SAM_JOINED, new CoupleErased(COUPLE, SAM)))
                .when(new MakeEverydayBid(COUPLE, ALEX, BID, "Still there?"))
                .expectNoEvents()
                .expectException(brokenRule("couple-erased"));
        fixture.given(ledger.knows(CREATED, SAM_JOINED, new CoupleErased(COUPLE, SAM)))
                .when(new CheckInLean(COUPLE, ALEX, "check-in-1", Lean.OUT, 1))
                .expectNoEvents()
                .expectException(brokenRule("couple-erased"));
    }
}
