package app.duet.query.projections;

import app.duet.api.couple.CoupleCreated;
import app.duet.api.couple.CoupleView;
import app.duet.api.couple.FindCouple;
import app.duet.api.couple.FindCoupleOfPartner;
import app.duet.api.couple.PartnerJoinedCouple;
import app.duet.api.session.BidAnswered;
import app.duet.api.session.BidMade;
import app.duet.api.session.BidResponse;
import app.duet.api.session.Exercise;
import app.duet.api.session.FindSession;
import app.duet.api.session.PartnerJoinedSession;
import app.duet.api.session.PartnerLeftSession;
import app.duet.api.session.SessionEnded;
import app.duet.api.session.SessionStarted;
import app.duet.api.session.SessionStatus;
import app.duet.api.session.SessionView;
import app.duet.query.couple.CoupleDocumentRepository;
import app.duet.query.couple.CoupleProjection;
import app.duet.query.live.ViewPublisher;
import app.duet.query.session.SessionDocumentRepository;
import app.duet.query.session.SessionProjection;
import com.mongodb.client.MongoClient;
import org.axonframework.eventhandling.ReplayStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.repository.support.MongoRepositoryFactory;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * What the live views must do on any MongoDB: follow the events, apply each one once however often
 * it is delivered, push every change (and nothing while replaying), and come out the same when
 * rebuilt. Run against the in-process stand-in and, where Docker exists, real MongoDB.
 */
abstract class LiveViewsContract {

    private static final String COUPLE = "couple-1";
    private static final String SESSION = "session-1";
    private static final String ALEX = "partner-alex";
    private static final String SAM = "partner-sam";
    private static final Instant T0 = Instant.parse("2026-03-01T19:00:00Z");
    private static final ReplayStatus LIVE = ReplayStatus.REGULAR;

    private ViewPublisher publisher;
    private CoupleProjection couples;
    private SessionProjection sessions;

    protected abstract MongoClient mongo();

    @BeforeEach
    void setUp() {
        MongoTemplate template = new MongoTemplate(mongo(), "views_" + UUID.randomUUID().toString().substring(0, 8));
        MongoRepositoryFactory repositories = new MongoRepositoryFactory(template);
        CoupleDocumentRepository coupleDocuments = repositories.getRepository(CoupleDocumentRepository.class);
        publisher = mock(ViewPublisher.class);
        couples = new CoupleProjection(coupleDocuments, publisher);
        sessions = new SessionProjection(repositories.getRepository(SessionDocumentRepository.class), coupleDocuments,
                publisher);
    }

    @Test
    void theSessionViewFollowsPresenceBidsAndAnswers() {
        history(LIVE);

        SessionView view = session();
        assertThat(view.partners()).extracting("displayName", "present")
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Alex", true),
                        org.assertj.core.groups.Tuple.tuple("Sam", false));
        assertThat(view.bids()).singleElement().satisfies(bid -> {
            assertThat(bid.fromPartnerId()).isEqualTo(ALEX);
            assertThat(bid.toPartnerId()).isEqualTo(SAM);
            assertThat(bid.words()).isEqualTo("Tea?");
            assertThat(bid.response()).isEqualTo(BidResponse.TOWARD);
            assertThat(bid.answeredAt()).isEqualTo(T0.plusSeconds(5));
        });
        assertThat(view.version()).isEqualTo(6);
        assertThat(view.status()).isEqualTo(SessionStatus.RUNNING);

        ArgumentCaptor<SessionView> pushed = ArgumentCaptor.forClass(SessionView.class);
        verify(publisher, times(6)).publish(pushed.capture());
        assertThat(pushed.getAllValues()).extracting(SessionView::version).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    }

    @Test
    void theCoupleOverviewFollowsPairingAndSessions() {
        history(LIVE);
        sessions.on(new SessionEnded(SESSION, SAM), 6, T0.plusSeconds(9), LIVE);
        couples.on(new SessionEnded(SESSION, SAM), 6, T0.plusSeconds(9), LIVE);

        CoupleView couple = couples.handle(new FindCouple(COUPLE)).orElseThrow();
        assertThat(couple.paired()).isTrue();
        assertThat(couple.partners()).extracting("displayName").containsExactly("Alex", "Sam");
        assertThat(couple.sessions()).singleElement().satisfies(summary -> {
            assertThat(summary.status()).isEqualTo(SessionStatus.ENDED);
            assertThat(summary.endedAt()).isEqualTo(T0.plusSeconds(9));
        });
        assertThat(couple.version()).isEqualTo(4);
        assertThat(couples.handle(new FindCoupleOfPartner(SAM))).contains(couple);
        assertThat(session().partners()).noneMatch(p -> p.present());
    }

    @Test
    void aRedeliveredEventChangesNothingAndPushesNothing() {
        history(LIVE);
        SessionView before = session();

        sessions.on(new BidMade(SESSION, "bid-1", ALEX, SAM, "Tea?"), 4, T0.plusSeconds(4), LIVE);
        sessions.on(new PartnerJoinedSession(SESSION, ALEX), 1, LIVE);
        couples.on(new PartnerJoinedCouple(COUPLE, SAM, "Sam"), 1, LIVE);

        assertThat(session()).isEqualTo(before);
        assertThat(couples.handle(new FindCouple(COUPLE)).orElseThrow().partners()).hasSize(2);
        verify(publisher, times(6)).publish(org.mockito.ArgumentMatchers.any(SessionView.class));
    }

    @Test
    void aReplayPushesNothing() {
        history(ReplayStatus.REPLAY);

        assertThat(session().version()).isEqualTo(6);
        verify(publisher, never()).publish(org.mockito.ArgumentMatchers.any(SessionView.class));
        verify(publisher, never()).publish(org.mockito.ArgumentMatchers.any(CoupleView.class));
    }

    @Test
    void aRebuildGivesTheSameViews() {
        history(LIVE);
        SessionView session = session();
        CoupleView couple = couples.handle(new FindCouple(COUPLE)).orElseThrow();

        sessions.reset();
        couples.reset();
        assertThat(sessions.handle(new FindSession(SESSION))).isEmpty();
        history(ReplayStatus.REPLAY);

        assertThat(session()).isEqualTo(session);
        assertThat(couples.handle(new FindCouple(COUPLE))).contains(couple);
        verify(publisher, atLeastOnce()).publish(org.mockito.ArgumentMatchers.any(CoupleView.class));
    }

    /** A couple pairs, starts a session; Alex bids, Sam answers and steps out. */
    private void history(ReplayStatus replay) {
        couples.on(new CoupleCreated(COUPLE, ALEX, "Alex", "K7QF-2MZD", T0.plusSeconds(604_800)), 0, replay);
        couples.on(new PartnerJoinedCouple(COUPLE, SAM, "Sam"), 1, replay);
        SessionStarted started = new SessionStarted(SESSION, COUPLE, Exercise.CHECK_IN, List.of(ALEX, SAM), ALEX);
        couples.on(started, 0, T0, replay);
        sessions.on(started, 0, T0, replay);
        sessions.on(new PartnerJoinedSession(SESSION, ALEX), 1, replay);
        sessions.on(new PartnerJoinedSession(SESSION, SAM), 2, replay);
        sessions.on(new BidMade(SESSION, "bid-1", ALEX, SAM, "Tea?"), 3, T0.plusSeconds(4), replay);
        sessions.on(new BidAnswered(SESSION, "bid-1", SAM, BidResponse.TOWARD), 4, T0.plusSeconds(5), replay);
        sessions.on(new PartnerLeftSession(SESSION, SAM), 5, replay);
    }

    private SessionView session() {
        return sessions.handle(new FindSession(SESSION)).orElseThrow();
    }
}
