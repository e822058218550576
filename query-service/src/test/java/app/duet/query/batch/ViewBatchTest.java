package app.duet.query.batch;

import app.duet.api.AggregateType;
import app.duet.api.cycle.CycleStateView;
import app.duet.api.cycle.FindCycleState;
import app.duet.api.everyday.AppreciationExpressed;
import app.duet.api.pairing.CoupleCreated;
import app.duet.api.pairing.CoupleView;
import app.duet.api.pairing.FindCouple;
import app.duet.api.pairing.PartnerJoinedCouple;
import app.duet.api.session.BidAnswered;
import app.duet.api.session.BidMade;
import app.duet.api.session.BidResponse;
import app.duet.api.session.Exercise;
import app.duet.api.session.FindSession;
import app.duet.api.session.PartnerJoinedSession;
import app.duet.api.session.SessionStarted;
import app.duet.api.session.SessionView;
import app.duet.query.cycle.CycleStateProjection;
import app.duet.query.cycle.CycleStateStore;
import app.duet.query.cycle.CycleThresholds;
import app.duet.query.events.CatchingUp;
import app.duet.query.everyday.EverydayProjection;
import app.duet.query.live.ViewChange;
import app.duet.query.live.ViewPublisher;
import app.duet.query.session.SessionItemRepository;
import tools.jackson.databind.ObjectMapper;
import app.duet.query.pairing.CoupleDocumentRepository;
import app.duet.query.pairing.CoupleItemRepository;
import app.duet.query.pairing.CoupleOverviews;
import app.duet.query.pairing.CoupleProjection;
import app.duet.query.session.CoupleNamesRepository;
import app.duet.query.session.CoupleSessionsProjection;
import app.duet.query.session.SessionDocumentRepository;
import app.duet.query.session.SessionNames;
import app.duet.query.session.SessionProjection;
import app.duet.query.session.SessionViews;
import com.mongodb.MongoClientSettings;
import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.repository.support.MongoRepositoryFactory;
import org.springframework.messaging.simp.SimpMessagingTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

/**
 * A processor's batch of events reads each view document once, writes each collection with one bulk
 * write when the batch commits, before the processor's token, and pushes only after that; a batch that
 * fails writes nothing and stores no token, and applied again it gives the views one event at a time
 * gives. Commands are counted as the MongoDB driver sends them to the in-process server.
 */
class ViewBatchTest {

    private static final String COUPLE = "couple-1";
    private static final String SESSION = "session-1";
    private static final String ALEX = "partner-alex";
    private static final String SAM = "partner-sam";
    private static final String PROCESSOR = "live-views";
    private static final int BIDS = 40;

    private static MongoServer server;
    private static MongoClient client;
    /** Reads what is stored without being counted. */
    private static MongoClient observer;
    private static final List<CommandStartedEvent> commands = Collections.synchronizedList(new ArrayList<>());

    private MongoTemplate mongo;
    private SimpleEventHandlerInvoker handlers;
    private CoupleProjection couples;
    private SessionProjection sessions;
    private CycleStateProjection cycleStates;
    private final List<String> pushed = Collections.synchronizedList(new ArrayList<>());
    private final InMemoryTokenStore storedTokens = new InMemoryTokenStore();
    private ViewsBeforeTokens tokens;
    private final String segmentName = PROCESSOR + "-" + UUID.randomUUID();

    @BeforeAll
    static void startServer() {
        server = new MongoServer(new MemoryBackend());
        String address = "mongodb://127.0.0.1:" + server.bind().getPort();
        client = MongoClients.create(MongoClientSettings.builder().applyConnectionString(new ConnectionString(address))
                .addCommandListener(new CommandListener() {
                    @Override
                    public void commandStarted(CommandStartedEvent event) {
                        commands.add(event);
                    }
                }).build());
        observer = MongoClients.create(address);
    }

    @AfterAll
    static void stopServer() {
        client.close();
        observer.close();
        server.shutdownNow();
    }

    @BeforeEach
    void setUp() {
        MongoConverter converter = new MongoTemplate(client, "unused").getConverter();
        mongo = new BatchingMongoTemplate(new org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory(
                client, "views_" + UUID.randomUUID().toString().substring(0, 8)), converter);
        MongoRepositoryFactory repositories = new MongoRepositoryFactory(mongo);
        CoupleDocumentRepository coupleDocuments = repositories.getRepository(CoupleDocumentRepository.class);
        SessionDocumentRepository sessionDocuments = repositories.getRepository(SessionDocumentRepository.class);

        CatchingUp caughtUp = mock(CatchingUp.class);
        SimpMessagingTemplate messaging = mock(SimpMessagingTemplate.class);
        // What a screen would be sent, and whether the views it shows were stored by then.
        doAnswer(call -> {
            String topic = call.getArgument(0);
            long version = ((ViewChange) call.getArgument(1)).version();
            return pushed.add(topic + " version=" + version + (isStored(topic, version) ? "" : " before its views were stored"));
        }).when(messaging).convertAndSend(anyString(), any(Object.class));
        ViewPublisher publisher = new ViewPublisher(messaging, caughtUp, new ObjectMapper());
        CoupleOverviews overviews = new CoupleOverviews(coupleDocuments, repositories.getRepository(CoupleItemRepository.class), publisher);
        couples = new CoupleProjection(overviews);
        SessionNames names = new SessionNames(repositories.getRepository(CoupleNamesRepository.class));
        sessions = new SessionProjection(sessionDocuments, new SessionViews(sessionDocuments, repositories.getRepository(SessionItemRepository.class), publisher), names);
        cycleStates = new CycleStateProjection(new CycleStateStore(mongo, CycleThresholds.DEFAULTS), publisher, caughtUp);
        handlers = SimpleEventHandlerInvoker.builder().eventHandlers(couples, names, sessions,
                new CoupleSessionsProjection(overviews), new EverydayProjection(overviews), cycleStates,
                new FailsHalfway(coupleDocuments)).build();
        tokens = new ViewsBeforeTokens(storedTokens);
        storedTokens.initializeTokenSegments(PROCESSOR, 1);
        commands.clear();
    }

    @Test
    void aBatchReadsEachDocumentOnceAndWritesEachCollectionOnce() throws Exception {
        List<EventMessage<?>> history = history();

        process(history);

        // Couple overview, names, session view, cycle state: each read once (found missing) and written once;
        // which of the two cycle-state collections serves is read once too.
        // The views' own documents; a session's items and the cycle state's marks are read by query
        // while events apply, which stores what the batch changed in their collections first.
        assertThat(writesByCollection()).as("bulk writes, one per collection of the views' documents")
                .containsEntry("couple_overviews", 1L).containsEntry("couple_items", 1L).containsEntry("session_views", 1L)
                .containsEntry("session_names", 1L).containsEntry(CycleStateStore.LIVE, 1L);
        assertThat(commandsNamed("update")).allSatisfy(update ->
                assertThat(update.getCommand().getArray("updates")).hasSizeGreaterThanOrEqualTo(1));
        assertThat(session().bids()).hasSize(BIDS);
        assertThat(storedTokens.fetchToken(PROCESSOR, 0)).isEqualTo(tokenAt(history.size() - 1));
    }

    @Test
    void thePushesOfABatchGoOutInOrderOnceItsViewsAreStored() throws Exception {
        List<EventMessage<?>> history = history();
        process(history.subList(0, 6));
        pushed.clear();

        process(history.subList(6, history.size()));

        assertThat(pushed).isNotEmpty().noneMatch(push -> push.endsWith("before its views were stored"));
        List<Long> sessionVersions = pushed.stream().filter(push -> push.startsWith(ViewPublisher.SESSION_TOPIC))
                .map(ViewBatchTest::versionOf).toList();
        assertThat(sessionVersions).isSorted().doesNotHaveDuplicates().last().isEqualTo(session().version());
    }

    @Test
    void aBatchThatFailsWritesNothingStoresNoTokenAndPushesNothing() throws Exception {
        List<EventMessage<?>> history = history();
        process(history.subList(0, 10));
        SessionView before = session();
        pushed.clear();
        commands.clear();

        List<EventMessage<?>> rest = history.subList(10, history.size());
        assertThatThrownBy(() -> process(rest, message -> message == rest.get(rest.size() / 2)))
                .hasMessageContaining("crashed");

        assertThat(writesByCollection()).as("writes of the views' own documents")
                .doesNotContainKeys("couple_overviews", "session_views", "session_names", CycleStateStore.LIVE);
        assertThat(session().version()).isEqualTo(before.version());
        assertThat(pushed).isEmpty();
        assertThat(storedTokens.fetchToken(PROCESSOR, 0)).isEqualTo(tokenAt(9));

        // The processor tries the batch again; written once a second time (a crash after the views, before
        // the token) it changes nothing either.
        process(rest);
        process(rest);
        assertThat(views()).isEqualTo(oneEventAtATime(history));
    }

    /**
     * A handler that changes a document it read and then fails, as a poison event's would. The batch
     * keeps its documents as objects, so it is not stored; applied again on copies, the failure is
     * parked (the dead-letter queue) and the batch goes on. Nothing of its change may be stored, though
     * later events of the batch change and save the same document.
     */
    @Test
    void aHandlerThatFailsHalfwayLeavesNothingOfItsChange() throws Exception {
        List<EventMessage<?>> history = new ArrayList<>(history());
        Instant at = Instant.parse("2026-03-02T19:00:00Z");
        history.add(history.size() - 3, new org.axonframework.eventhandling.GenericTrackedDomainEventMessage<>(
                tokenAt(10_000), couple(1_000, new AppreciationExpressed(COUPLE, "poison", SAM, ALEX, FailsHalfway.WORDS))));

        assertThatThrownBy(() -> processParkingFailures(history))
                .as("a batch that keeps objects, with a half-made change in one of them, is stored by nobody")
                .isInstanceOf(AppliedAgainOnCopies.class);
        assertThat(couples.handle(new FindCouple(COUPLE))).isEmpty();
        processParkingFailures(history);

        assertThat(couples.handle(new FindCouple(COUPLE)).orElseThrow().therapists())
                .as("the couple's therapists after a handler failed halfway through adding one").isEmpty();
        assertThat(session().bids()).hasSize(BIDS);
    }

    /** Adds a therapist to the couple's document, and then fails before saving it. */
    static class FailsHalfway {
        static final String WORDS = "poison";
        private final CoupleDocumentRepository documents;

        FailsHalfway(CoupleDocumentRepository documents) {
            this.documents = documents;
        }

        @org.axonframework.eventhandling.EventHandler
        void on(AppreciationExpressed event) {
            if (event.words().equals(WORDS)) {
                documents.findById(event.coupleId()).orElseThrow()
                        .addTherapist(new app.duet.api.consent.TherapistView("someone", "Someone", null, SAM));
                throw new IllegalStateException("failed halfway");
            }
        }
    }

    /** As the processor with its dead-letter queue: an event whose handler fails is set aside, the batch goes on. */
    private void processParkingFailures(List<EventMessage<?>> batch) throws Exception {
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = asTrackingProcessorsBatch(batch);
        var result = unitOfWork.executeWithResult(() -> {
            try {
                handlers.handle((EventMessage<?>) CurrentUnitOfWork.get().getMessage(), Segment.ROOT_SEGMENT);
            } catch (IllegalStateException parked) {
                // parked as a dead letter
            }
            return null;
        }, RollbackConfigurationType.ANY_THROWABLE);
        if (result.isExceptional()) {
            throw (Exception) result.exceptionResult();
        }
    }

    @Test
    void aRebuildInBatchesGivesWhatEventsOneAtATimeGive() throws Exception {
        List<EventMessage<?>> history = history();
        List<Object> incremental = oneEventAtATime(history);

        couples.reset();
        sessions.reset();
        cycleStates.reset();
        for (int from = 0; from < history.size(); from += 17) {
            process(history.subList(from, Math.min(history.size(), from + 17)));
        }

        assertThat(views()).isEqualTo(incremental);
    }

    private List<Object> oneEventAtATime(List<EventMessage<?>> history) throws Exception {
        couples.reset();
        sessions.reset();
        cycleStates.reset();
        for (EventMessage<?> event : history) {
            process(List.of(event));
        }
        return views();
    }

    /** A couple pairs, starts a session and bids in it, and appreciates between bids. */
    private static List<EventMessage<?>> history() {
        List<EventMessage<?>> events = new ArrayList<>();
        Instant at = Instant.parse("2026-03-01T19:00:00Z");
        long coupleSequence = 0;
        long sessionSequence = 0;
        events.add(couple(coupleSequence++, new CoupleCreated(COUPLE, ALEX, "Alex", "K7QF-2MZD", at.plusSeconds(604_800))));
        events.add(couple(coupleSequence++, new PartnerJoinedCouple(COUPLE, SAM, "Sam")));
        events.add(session(sessionSequence++, new SessionStarted(SESSION, COUPLE, Exercise.CHECK_IN, List.of(ALEX, SAM), ALEX)));
        events.add(session(sessionSequence++, new PartnerJoinedSession(SESSION, ALEX)));
        events.add(session(sessionSequence++, new PartnerJoinedSession(SESSION, SAM)));
        for (int bid = 0; bid < BIDS; bid++) {
            events.add(session(sessionSequence++, new BidMade(SESSION, "bid-" + bid, ALEX, SAM, "Tea " + bid + "?")));
            events.add(session(sessionSequence++, new BidAnswered(SESSION, "bid-" + bid, SAM, BidResponse.TOWARD)));
            if (bid % 10 == 0) {
                events.add(couple(coupleSequence++, new AppreciationExpressed(COUPLE, "thanks-" + bid, SAM, ALEX, "Thanks")));
            }
        }
        List<EventMessage<?>> tracked = new ArrayList<>();
        for (int position = 0; position < events.size(); position++) {
            tracked.add(new org.axonframework.eventhandling.GenericTrackedDomainEventMessage<>(tokenAt(position),
                    (DomainEventMessage<?>) events.get(position)));
        }
        return tracked;
    }

    private static DomainEventMessage<?> couple(long sequence, Object payload) {
        return new GenericDomainEventMessage<>(AggregateType.COUPLE.typeName(), COUPLE, sequence, payload);
    }

    private static DomainEventMessage<?> session(long sequence, Object payload) {
        return new GenericDomainEventMessage<>(AggregateType.JOINT_SESSION.typeName(), SESSION, sequence, payload);
    }

    private static TrackingToken tokenAt(int position) {
        return new GlobalSequenceTrackingToken(position);
    }

    private void process(List<EventMessage<?>> batch) throws Exception {
        process(batch, message -> false);
    }

    /**
     * As Axon's tracking processor does: one unit of work for the batch, the token stored as it
     * commits (registered before the first event's handlers run), every handler run for each event.
     */
    private void process(List<EventMessage<?>> batch, Predicate<EventMessage<?>> crashOn) throws Exception {
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = asTrackingProcessorsBatch(batch);
        TrackingToken last = ((org.axonframework.eventhandling.TrackedEventMessage<?>) batch.get(batch.size() - 1)).trackingToken();
        var result = unitOfWork.executeWithResult(() -> {
            EventMessage<?> event = (EventMessage<?>) CurrentUnitOfWork.get().getMessage();
            if (unitOfWork.isFirstMessage()) {
                unitOfWork.onPrepareCommit(u -> tokens.storeToken(last, PROCESSOR, 0));
            }
            if (crashOn.test(event)) {
                throw new IllegalStateException("crashed");
            }
            handlers.handle(event, Segment.ROOT_SEGMENT);
            return null;
        }, RollbackConfigurationType.ANY_THROWABLE);
        if (result.isExceptional()) {
            throw (Exception) result.exceptionResult();
        }
    }

    /**
     * A unit of work for the batch that names its processor's segment among its resources, as Axon's
     * tracking processor does; a name of this test's own, as whether a segment applies its next batch on
     * copies is remembered for the JVM.
     */
    private BatchingUnitOfWork<EventMessage<?>> asTrackingProcessorsBatch(List<EventMessage<?>> batch) {
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(batch);
        unitOfWork.resources().put("Processor[" + segmentName + "]/SegmentId", 0);
        return unitOfWork;
    }

    /** Whether MongoDB holds the pushed view's version (or a later one) of its document. */
    private boolean isStored(String topic, long version) {
        String collection = topic.startsWith(ViewPublisher.SESSION_TOPIC) ? "session_views"
                : topic.startsWith(ViewPublisher.COUPLE_TOPIC) ? "couple_overviews" : CycleStateStore.LIVE;
        String id = topic.startsWith(ViewPublisher.SESSION_TOPIC) ? SESSION : COUPLE;
        Document stored = observer.getDatabase(mongo.getDb().getName()).getCollection(collection)
                .find(new Document("_id", id)).first();
        return stored != null && stored.get("applied", Document.class).get("version", Number.class).longValue() >= version;
    }

    private List<Object> views() {
        CoupleView couple = couples.handle(new FindCouple(COUPLE)).orElseThrow();
        CycleStateView cycle = cycleStates.handle(new FindCycleState(COUPLE)).orElseThrow();
        return List.of(couple, session(), cycle);
    }

    private SessionView session() {
        return sessions.handle(new FindSession(SESSION)).orElseThrow();
    }

    private List<CommandStartedEvent> writes() {
        return commandsNamed("update");
    }

    private java.util.Map<String, Long> writesByCollection() {
        return writes().stream().collect(java.util.stream.Collectors.groupingBy(
                write -> write.getCommand().getString("update").getValue(), java.util.stream.Collectors.counting()));
    }

    private List<CommandStartedEvent> commandsNamed(String name) {
        synchronized (commands) {
            return commands.stream().filter(command -> command.getCommandName().equals(name)).toList();
        }
    }

    private static long versionOf(String pushedView) {
        String version = pushedView.substring(pushedView.lastIndexOf("version=") + "version=".length());
        return Long.parseLong(version.replaceAll("[^0-9].*", ""));
    }
}
