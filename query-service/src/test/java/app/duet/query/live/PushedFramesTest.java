package app.duet.query.live;

import app.duet.api.everyday.EverydayBidAnswered;
import app.duet.api.everyday.EverydayBidMade;
import app.duet.api.pairing.CoupleCreated;
import app.duet.api.pairing.PartnerJoinedCouple;
import app.duet.api.session.BidAnswered;
import app.duet.api.session.BidMade;
import app.duet.api.session.BidResponse;
import app.duet.api.session.Exercise;
import app.duet.api.session.PartnerJoinedSession;
import app.duet.api.session.SessionEnded;
import app.duet.api.session.SessionStarted;
import app.duet.query.cycle.CycleStateProjection;
import app.duet.query.cycle.CycleStateStore;
import app.duet.query.cycle.CycleThresholds;
import app.duet.query.events.CatchingUp;
import app.duet.query.everyday.EverydayProjection;
import app.duet.query.pairing.CoupleDocumentRepository;
import app.duet.query.pairing.CoupleItemRepository;
import app.duet.query.pairing.CoupleOverviews;
import app.duet.query.pairing.CoupleProjection;
import app.duet.query.session.CoupleNamesRepository;
import app.duet.query.session.CoupleSessionsProjection;
import app.duet.query.session.SessionDocumentRepository;
import app.duet.query.session.SessionItemRepository;
import app.duet.query.session.SessionNames;
import app.duet.query.session.SessionProjection;
import app.duet.query.session.SessionViews;
import app.duet.query.support.InProcessMongo;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.ReplayStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.repository.support.MongoRepositoryFactory;
import org.springframework.messaging.converter.JacksonJsonMessageConverter;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * The frames the live views push, as the STOMP broker gets them, stay small however long the history:
 * a session with thousands of bids once passed Spring's 512 KiB send buffer (+210 B a bid), and the
 * server closed the partner's socket at every reconnect; a year of a couple's daily use must not come near it.
 */
class PushedFramesTest {

    private static final int LIMIT = 16 * 1024;
    private static final String COUPLE = "couple-1";
    private static final String ALEX = "partner-alex";
    private static final String SAM = "partner-sam";
    private static final Instant T0 = Instant.parse("2026-01-01T08:00:00Z");
    private static final ReplayStatus LIVE = ReplayStatus.REGULAR;

    @RegisterExtension
    static final InProcessMongo mongo = new InProcessMongo();

    /** The largest frame pushed to each kind of topic (sessions, couples, cycles). */
    private final Map<String, Integer> largest = new TreeMap<>();
    private CoupleProjection couples;
    private CoupleSessionsProjection coupleSessions;
    private EverydayProjection everyday;
    private SessionNames names;
    private SessionProjection sessions;
    private CycleStateProjection cycleStates;
    private long coupleSequence;

    @BeforeEach
    void setUp() {
        MongoTemplate template = new MongoTemplate(mongo.client(), "views_" + UUID.randomUUID().toString().substring(0, 8));
        MongoRepositoryFactory repositories = new MongoRepositoryFactory(template);
        JsonMapper json = JsonMapper.builder().build();
        SimpMessagingTemplate messaging = new SimpMessagingTemplate((message, timeout) -> {
            String destination = (String) message.getHeaders().get("simpDestination");
            String topic = destination.substring(0, destination.indexOf('.'));
            largest.merge(topic, ((byte[]) message.getPayload()).length, Math::max);
            return true;
        });
        messaging.setMessageConverter(new JacksonJsonMessageConverter(json));
        CatchingUp catchingUp = mock(CatchingUp.class);
        ViewPublisher publisher = new ViewPublisher(messaging, catchingUp, json);
        CoupleDocumentRepository coupleDocuments = repositories.getRepository(CoupleDocumentRepository.class);
        CoupleOverviews overviews = new CoupleOverviews(coupleDocuments, repositories.getRepository(CoupleItemRepository.class), publisher);
        couples = new CoupleProjection(overviews);
        coupleSessions = new CoupleSessionsProjection(overviews);
        everyday = new EverydayProjection(overviews);
        names = new SessionNames(repositories.getRepository(CoupleNamesRepository.class));
        SessionDocumentRepository sessionDocuments = repositories.getRepository(SessionDocumentRepository.class);
        sessions = new SessionProjection(sessionDocuments, new SessionViews(sessionDocuments, repositories.getRepository(SessionItemRepository.class), publisher), names);
        cycleStates = new CycleStateProjection(new CycleStateStore(template, CycleThresholds.DEFAULTS), publisher, catchingUp);
    }

    @Test
    void aSessionOfThousandsOfBidsPushesFramesAsSmallAsItsFirst() {
        pair();
        String session = "session-long";
        startSession(session, 0);
        long sequence = 3;
        for (int bid = 0; bid < 2_500; bid++) {
            String bidId = "bid-" + bid;
            Instant at = T0.plusSeconds(bid);
            sessions.on(new BidMade(session, bidId, ALEX, SAM, "Would you make us a tea, love? " + bid), sequence++, at, LIVE);
            sessions.on(new BidAnswered(session, bidId, SAM, BidResponse.TOWARD), sequence++, at.plusMillis(500), LIVE);
        }

        assertThat(largest.get("/topic/sessions")).as("the largest frame pushed to the session's screens, in bytes")
                .isLessThan(LIMIT);
    }

    @Test
    void aYearOfDailyUsePushesNoFrameOver16KB() {
        pair();
        int events = 4;
        for (int day = 0; day < 365; day++) {
            String session = "session-" + day;
            startSession(session, day);
            long sequence = 3;
            for (int bid = 0; bid < 4; bid++) {
                String bidId = session + "-bid-" + bid;
                Instant at = T0.plusSeconds(86_400L * day + 60 + bid);
                sessionEvent(session, new BidMade(session, bidId, bid % 2 == 0 ? ALEX : SAM, bid % 2 == 0 ? SAM : ALEX,
                        "Shall we walk after dinner? " + bid), sequence++, at);
                sessionEvent(session, new BidAnswered(session, bidId, bid % 2 == 0 ? SAM : ALEX, BidResponse.TOWARD),
                        sequence++, at.plusSeconds(5));
            }
            sessionEvent(session, new SessionEnded(session, ALEX), sequence, T0.plusSeconds(86_400L * day + 3_600));
            events += 12;
            Instant at = T0.plusSeconds(86_400L * day + 40_000);
            String bidId = "everyday-" + day;
            coupleEvent(new EverydayBidMade(COUPLE, bidId, SAM, ALEX, "Call me at lunch?"), at);
            coupleEvent(new EverydayBidAnswered(COUPLE, bidId, ALEX, BidResponse.TOWARD), at.plusSeconds(30));
            events += 2;
        }

        assertThat(events).as("events in the couple's year").isGreaterThanOrEqualTo(5_000);
        assertThat(largest).as("the largest frame pushed to each kind of topic, in bytes")
                .containsKeys("/topic/sessions", "/topic/couples", "/topic/cycles")
                .allSatisfy((topic, bytes) -> assertThat(bytes).as(topic).isLessThan(LIMIT));
    }

    private void pair() {
        CoupleCreated created = new CoupleCreated(COUPLE, ALEX, "Alex", "K7QF-2MZD", T0.plusSeconds(604_800));
        PartnerJoinedCouple joined = new PartnerJoinedCouple(COUPLE, SAM, "Sam");
        names.on(created, 0);
        names.on(joined, 1);
        couples.on(created, 0, LIVE);
        couples.on(joined, 1, LIVE);
        cycleStates.on(created, new GenericDomainEventMessage<>("Couple", COUPLE, 0, created), LIVE);
        cycleStates.on(joined, new GenericDomainEventMessage<>("Couple", COUPLE, 1, joined), LIVE);
        coupleSequence = 2;
    }

    private void startSession(String session, int day) {
        SessionStarted started = new SessionStarted(session, COUPLE, Exercise.CHECK_IN, List.of(ALEX, SAM), ALEX);
        Instant at = T0.plusSeconds(86_400L * day);
        sessionEvent(session, started, 0, at);
        sessionEvent(session, new PartnerJoinedSession(session, ALEX), 1, at);
        sessionEvent(session, new PartnerJoinedSession(session, SAM), 2, at);
    }

    /** One of a session's events, to every projection that takes it (the session, the couple's list of sessions, the cycle state). */
    private void sessionEvent(String session, Object event, long sequence, Instant at) {
        if (event instanceof SessionStarted started) {
            sessions.on(started, sequence, at, LIVE);
            coupleSessions.on(started, sequence, at, LIVE);
        } else if (event instanceof PartnerJoinedSession joined) {
            sessions.on(joined, sequence, LIVE);
        } else if (event instanceof BidMade bid) {
            sessions.on(bid, sequence, at, LIVE);
        } else if (event instanceof BidAnswered answer) {
            sessions.on(answer, sequence, at, LIVE);
        } else if (event instanceof SessionEnded ended) {
            sessions.on(ended, sequence, at, LIVE);
            coupleSessions.on(ended, sequence, at, LIVE);
        }
        cycleStates.on(event, new GenericDomainEventMessage<>("JointSession", session, sequence, event), LIVE);
    }

    private void coupleEvent(Object event, Instant at) {
        long sequence = coupleSequence++;
        if (event instanceof EverydayBidMade bid) {
            everyday.on(bid, sequence, at, LIVE);
        } else if (event instanceof EverydayBidAnswered answer) {
            everyday.on(answer, sequence, at, LIVE);
        }
        cycleStates.on(event, new GenericDomainEventMessage<>("Couple", COUPLE, sequence, event), LIVE);
    }
}
