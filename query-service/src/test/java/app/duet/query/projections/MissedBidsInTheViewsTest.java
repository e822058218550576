package app.duet.query.projections;

import app.duet.api.everyday.EverydayBidAnswered;
import app.duet.api.everyday.EverydayBidMade;
import app.duet.api.everyday.EverydayBidMissed;
import app.duet.api.pairing.CoupleCreated;
import app.duet.api.pairing.CoupleView;
import app.duet.api.pairing.FindCouple;
import app.duet.api.pairing.PartnerJoinedCouple;
import app.duet.api.session.BidAnswered;
import app.duet.api.session.BidMade;
import app.duet.api.session.BidMissed;
import app.duet.api.session.BidResponse;
import app.duet.api.session.BidView;
import app.duet.api.session.Exercise;
import app.duet.api.session.FindSession;
import app.duet.api.session.PartnerJoinedSession;
import app.duet.api.session.SessionEnded;
import app.duet.api.session.SessionStarted;
import app.duet.api.session.SessionView;
import app.duet.query.everyday.EverydayProjection;
import app.duet.query.live.ViewPublisher;
import app.duet.query.pairing.CoupleDocumentRepository;
import app.duet.query.pairing.CoupleItemRepository;
import app.duet.query.pairing.CoupleOverviews;
import app.duet.query.pairing.CoupleProjection;
import app.duet.query.session.CoupleNamesRepository;
import app.duet.query.session.SessionDocumentRepository;
import app.duet.query.session.SessionItemRepository;
import app.duet.query.session.SessionNames;
import app.duet.query.session.SessionProjection;
import app.duet.query.session.SessionViews;
import app.duet.query.support.InProcessMongo;
import org.axonframework.eventhandling.ReplayStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.repository.support.MongoRepositoryFactory;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

/**
 * A missed bid shows as missed wherever bids are shown: in the session view, when the session
 * ended with it open, and in the couple overview's bids between sessions. It is neither answered
 * nor counted as turned toward, and a redelivered event changes nothing.
 */
class MissedBidsInTheViewsTest {

    @RegisterExtension
    static final InProcessMongo mongo = new InProcessMongo();

    private static final String COUPLE = "couple-1";
    private static final String SESSION = "session-1";
    private static final String ALEX = "partner-alex";
    private static final String SAM = "partner-sam";
    private static final Instant T0 = Instant.parse("2026-03-01T19:00:00Z");
    private static final ReplayStatus LIVE = ReplayStatus.REGULAR;

    private final ViewPublisher publisher = mock(ViewPublisher.class);
    private CoupleProjection couples;
    private EverydayProjection everyday;
    private SessionProjection sessions;
    private SessionNames names;

    @BeforeEach
    void setUp() {
        MongoTemplate template = new MongoTemplate(mongo.client(), "views_" + UUID.randomUUID().toString().substring(0, 8));
        MongoRepositoryFactory repositories = new MongoRepositoryFactory(template);
        CoupleOverviews overviews = new CoupleOverviews(repositories.getRepository(CoupleDocumentRepository.class),
                repositories.getRepository(CoupleItemRepository.class), publisher);
        couples = new CoupleProjection(overviews);
        everyday = new EverydayProjection(overviews);
        names = new SessionNames(repositories.getRepository(CoupleNamesRepository.class));
        SessionDocumentRepository sessionDocuments = repositories.getRepository(SessionDocumentRepository.class);
        sessions = new SessionProjection(sessionDocuments,
                new SessionViews(sessionDocuments, repositories.getRepository(SessionItemRepository.class), publisher), names);
    }

    @Test
    void aBidLeftOpenWhenTheSessionEndedShowsAsMissedAndTheAnsweredOneAsAnswered() {
        names.on(new CoupleCreated(COUPLE, ALEX, "Alex", "K7QF-2MZD", T0.plusSeconds(604_800)), 0);
        names.on(new PartnerJoinedCouple(COUPLE, SAM, "Sam"), 1);
        sessions.on(new SessionStarted(SESSION, COUPLE, Exercise.CHECK_IN, List.of(ALEX, SAM), ALEX), 0, T0, LIVE);
        sessions.on(new PartnerJoinedSession(SESSION, ALEX), 1, LIVE);
        sessions.on(new PartnerJoinedSession(SESSION, SAM), 2, LIVE);
        sessions.on(new BidMade(SESSION, "bid-1", ALEX, SAM, "Tea?"), 3, T0.plusSeconds(4), LIVE);
        sessions.on(new BidAnswered(SESSION, "bid-1", SAM, BidResponse.TOWARD), 4, T0.plusSeconds(5), LIVE);
        sessions.on(new BidMade(SESSION, "bid-2", SAM, ALEX, "A hug?"), 5, T0.plusSeconds(6), LIVE);
        sessions.on(new BidMissed(SESSION, "bid-2", SAM, ALEX), 6, T0.plusSeconds(9), LIVE);
        sessions.on(new SessionEnded(SESSION, ALEX), 7, T0.plusSeconds(9), LIVE);
        sessions.on(new BidMissed(SESSION, "bid-2", SAM, ALEX), 6, T0.plusSeconds(20), LIVE);

        SessionView view = sessions.handle(new FindSession(SESSION)).orElseThrow();
        assertThat(view.bids()).extracting(BidView::bidId, BidView::response, BidView::missedAt).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("bid-1", BidResponse.TOWARD, null),
                org.assertj.core.groups.Tuple.tuple("bid-2", null, T0.plusSeconds(9)));
        assertThat(view.version()).as("the redelivered missed event applied once").isEqualTo(8);
        ArgumentCaptor<SessionView> pushed = ArgumentCaptor.forClass(SessionView.class);
        verify(publisher, atLeastOnce()).publish(any(), pushed.capture());
        assertThat(pushed.getAllValues()).filteredOn(pushedView -> pushedView.version() == 7).singleElement()
                .satisfies(pushedView -> assertThat(pushedView.bids()).anySatisfy(bid -> assertThat(bid.missedAt()).isNotNull()));
    }

    @Test
    void aBidBetweenSessionsLeftUnansweredShowsAsMissedInTheCoupleOverviewOfItsCoupleOnly() {
        couples.on(new CoupleCreated(COUPLE, ALEX, "Alex", "K7QF-2MZD", T0.plusSeconds(604_800)), 0, LIVE);
        couples.on(new PartnerJoinedCouple(COUPLE, SAM, "Sam"), 1, LIVE);
        couples.on(new CoupleCreated("couple-2", "partner-kim", "Kim", "Q2WE-8RTY", T0.plusSeconds(604_800)), 0, LIVE);
        everyday.on(new EverydayBidMade(COUPLE, "bid-a", ALEX, SAM, "Walk tonight?"), 2, T0, LIVE);
        everyday.on(new EverydayBidMade(COUPLE, "bid-b", SAM, ALEX, "Coffee later?"), 3, T0.plusSeconds(60), LIVE);
        everyday.on(new EverydayBidAnswered(COUPLE, "bid-b", ALEX, BidResponse.AWAY), 4, T0.plusSeconds(90), LIVE);
        everyday.on(new EverydayBidMissed(COUPLE, "bid-a", ALEX, SAM), 5, T0.plusSeconds(86_400), LIVE);

        CoupleView couple = couples.handle(new FindCouple(COUPLE)).orElseThrow();
        assertThat(couple.everydayBids()).extracting(BidView::bidId, BidView::response, BidView::missedAt).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("bid-a", null, T0.plusSeconds(86_400)),
                org.assertj.core.groups.Tuple.tuple("bid-b", BidResponse.AWAY, null));
        assertThat(couples.handle(new FindCouple("couple-2")).orElseThrow().everydayBids())
                .as("another couple sees none of it").isEmpty();
    }
}
