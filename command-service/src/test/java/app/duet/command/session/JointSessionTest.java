package app.duet.command.session;

import app.duet.api.session.AnswerBid;
import app.duet.api.session.BidAnswered;
import app.duet.api.session.BidMade;
import app.duet.api.session.BidResponse;
import app.duet.api.session.DraftWritten;
import app.duet.api.session.EndSession;
import app.duet.api.session.EntryShared;
import app.duet.api.session.Exercise;
import app.duet.api.session.JoinSession;
import app.duet.api.session.LeaveSession;
import app.duet.api.session.MakeBid;
import app.duet.api.session.PartnerJoinedSession;
import app.duet.api.session.PartnerLeftSession;
import app.duet.api.session.SessionEnded;
import app.duet.api.session.SessionStarted;
import app.duet.api.session.ShareEntry;
import app.duet.api.session.WriteDraft;
import app.duet.command.everyday.BidWindows;
import app.duet.command.jointsession.JointSession;
import app.duet.command.ledger.InMemoryItemLedger;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static app.duet.command.BrokenRule.brokenRule;

class JointSessionTest {

    private static final String SESSION = "session-1";
    private static final String ALEX = "partner-alex";
    private static final String SAM = "partner-sam";
    private static final SessionStarted STARTED =
            new SessionStarted(SESSION, "couple-1", Exercise.CHECK_IN, List.of(ALEX, SAM), ALEX);
    private static final PartnerJoinedSession ALEX_JOINED = new PartnerJoinedSession(SESSION, ALEX);
    private static final PartnerJoinedSession SAM_JOINED = new PartnerJoinedSession(SESSION, SAM);
    private static final BidMade ALEX_BIDS = new BidMade(SESSION, "bid-1", ALEX, SAM, "Look at that sunset");

    private final InMemoryItemLedger ledger = new InMemoryItemLedger();
    private FixtureConfiguration<JointSession> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(JointSession.class);
        fixture.registerInjectableResource(ledger);
        fixture.registerInjectableResource(BidWindows.defaults());
    }

    @Test
    void bothPartnersJoinAndSeeEachOtherPresent() {
        fixture.given(ledger.knows(STARTED, ALEX_JOINED))
                .when(new JoinSession(SESSION, SAM))
                .expectEvents(SAM_JOINED);
    }

    @Test
    void joiningAgainWhilePresentChangesNothing() {
        fixture.given(ledger.knows(STARTED, ALEX_JOINED))
                .when(new JoinSession(SESSION, ALEX))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aThirdPersonCannotJoinTheSession() {
        fixture.given(ledger.knows(STARTED))
                .when(new JoinSession(SESSION, "partner-third"))
                .expectNoEvents()
                .expectException(brokenRule("not-a-partner"));
    }

    @Test
    void aBidGoesToTheOtherPartner() {
        fixture.given(ledger.knows(STARTED, ALEX_JOINED, SAM_JOINED))
                .when(new MakeBid(SESSION, "bid-1", ALEX, "Look at that sunset"))
                .expectEvents(ALEX_BIDS);
    }

    @Test
    void aPartnerMustBePresentToMakeABid() {
        fixture.given(ledger.knows(STARTED, SAM_JOINED))
                .when(new MakeBid(SESSION, "bid-1", ALEX, "Hey"))
                .expectNoEvents()
                .expectException(brokenRule("not-present"));
    }

    @Test
    void theOtherPartnerAnswersABid() {
        fixture.given(ledger.knows(STARTED, ALEX_JOINED, SAM_JOINED, ALEX_BIDS))
                .when(new AnswerBid(SESSION, "bid-1", SAM, BidResponse.TOWARD))
                .expectEvents(new BidAnswered(SESSION, "bid-1", SAM, BidResponse.TOWARD));
    }

    @Test
    void nobodyAnswersTheirOwnBid() {
        fixture.given(ledger.knows(STARTED, ALEX_JOINED, SAM_JOINED, ALEX_BIDS))
                .when(new AnswerBid(SESSION, "bid-1", ALEX, BidResponse.TOWARD))
                .expectNoEvents()
                .expectException(brokenRule("own-bid"));
    }

    @Test
    void aBidIsAnsweredOnce() {
        fixture.given(ledger.knows(STARTED, ALEX_JOINED, SAM_JOINED, ALEX_BIDS,
                        new BidAnswered(SESSION, "bid-1", SAM, BidResponse.AWAY)))
                .when(new AnswerBid(SESSION, "bid-1", SAM, BidResponse.TOWARD))
                .expectNoEvents()
                .expectException(brokenRule("bid-already-answered"));
    }

    @Test
    void anUnknownBidCannotBeAnswered() {
        fixture.given(ledger.knows(STARTED, ALEX_JOINED, SAM_JOINED))
                .when(new AnswerBid(SESSION, "bid-x", SAM, BidResponse.TOWARD))
                .expectNoEvents()
                .expectException(brokenRule("unknown-bid"));
    }

    @Test
    void theSessionEndsWhenTheLastPartnerLeaves() {
        fixture.given(ledger.knows(STARTED, ALEX_JOINED, SAM_JOINED, new PartnerLeftSession(SESSION, ALEX)))
                .when(new LeaveSession(SESSION, SAM))
                .expectEvents(new PartnerLeftSession(SESSION, SAM), new SessionEnded(SESSION, null));
    }

    @Test
    void theSessionGoesOnWhileOnePartnerIsStillThere() {
        fixture.given(ledger.knows(STARTED, ALEX_JOINED, SAM_JOINED))
                .when(new LeaveSession(SESSION, ALEX))
                .expectEvents(new PartnerLeftSession(SESSION, ALEX));
    }

    @Test
    void eitherPartnerEndsTheSession() {
        fixture.given(ledger.knows(STARTED, ALEX_JOINED))
                .when(new EndSession(SESSION, SAM))
                .expectEvents(new SessionEnded(SESSION, SAM));
    }

    @Test
    void nothingHappensInAnEndedSession() {
        fixture.given(ledger.knows(STARTED, ALEX_JOINED, SAM_JOINED, ALEX_BIDS, new SessionEnded(SESSION, ALEX)))
                .when(new AnswerBid(SESSION, "bid-1", SAM, BidResponse.TOWARD))
                .expectNoEvents()
                .expectException(brokenRule("session-ended"));
        fixture.given(ledger.knows(STARTED, new SessionEnded(SESSION, ALEX)))
                .when(new JoinSession(SESSION, SAM))
                .expectNoEvents()
                .expectException(brokenRule("session-ended"));
        fixture.given(ledger.knows(STARTED, new SessionEnded(SESSION, ALEX)))
                .when(new MakeBid(SESSION, "bid-2", SAM, "Still there?"))
                .expectNoEvents()
                .expectException(brokenRule("session-ended"));
    }

    @Test
    void aPresentPartnerWritesAPrivateDraftAndRewritesIt() {
        fixture.given(ledger.knows(STARTED, ALEX_JOINED, new DraftWritten(SESSION, "entry-1", ALEX, "notes", "first thought")))
                .when(new WriteDraft(SESSION, ALEX, "entry-1", "notes", "second thought"))
                .expectEvents(new DraftWritten(SESSION, "entry-1", ALEX, "notes", "second thought"));
    }

    @Test
    void aPartnerCanNeitherShareNorTouchTheOthersEntryEvenByItsId() {
        fixture.given(ledger.knows(STARTED, ALEX_JOINED, SAM_JOINED, new DraftWritten(SESSION, "entry-1", ALEX, "notes", "mine")))
                .when(new ShareEntry(SESSION, SAM, "entry-1"))
                .expectNoEvents()
                .expectException(brokenRule("unknown-entry"));
        fixture.given(ledger.knows(STARTED, ALEX_JOINED, SAM_JOINED, new DraftWritten(SESSION, "entry-1", ALEX, "notes", "mine"),
                        new EntryShared(SESSION, "entry-1", ALEX)))
                .when(new WriteDraft(SESSION, SAM, "entry-1", "notes", "my own entry under the same id"))
                .expectEvents(new DraftWritten(SESSION, "entry-1", SAM, "notes", "my own entry under the same id"));
    }

    @Test
    void theAuthorSharesTheirDraftOnceAndItIsFinal() {
        fixture.given(ledger.knows(STARTED, ALEX_JOINED, new DraftWritten(SESSION, "entry-1", ALEX, "notes", "mine")))
                .when(new ShareEntry(SESSION, ALEX, "entry-1"))
                .expectEvents(new EntryShared(SESSION, "entry-1", ALEX));
        fixture.given(ledger.knows(STARTED, ALEX_JOINED, new DraftWritten(SESSION, "entry-1", ALEX, "notes", "mine"),
                        new EntryShared(SESSION, "entry-1", ALEX)))
                .when(new WriteDraft(SESSION, ALEX, "entry-1", "notes", "changed my mind"))
                .expectNoEvents()
                .expectException(brokenRule("entry-shared"));
    }

    @Test
    void anUnknownEntryCannotBeShared() {
        fixture.given(ledger.knows(STARTED, ALEX_JOINED))
                .when(new ShareEntry(SESSION, ALEX, "entry-x"))
                .expectNoEvents()
                .expectException(brokenRule("unknown-entry"));
    }
}
