package app.duet.query.batch;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A processor far behind the head carries each batch's views on to its next batch and writes them,
 * with its token, once it is near the head; should it re-read its token meanwhile (a restart after a
 * failure, a claim taken anew), what it carried is dropped and applied again from the stored token,
 * never counted twice. Commands are counted as the MongoDB driver sends them to the in-process server.
 */
class CarriedBatchesTest {

    private static final String PROCESSOR = "tallies";
    private static final int BATCH = 10;
    private static final String TALLY = "tally-1";

    private static MongoServer server;
    private static MongoClient client;
    private static final List<CommandStartedEvent> commands = Collections.synchronizedList(new ArrayList<>());

    private final String processor = PROCESSOR + "-" + UUID.randomUUID();
    /** Whether another instance has taken the claim: extending it is refused. */
    private final AtomicBoolean claimedElsewhere = new AtomicBoolean();
    private final InMemoryTokenStore storedTokens = new InMemoryTokenStore() {
        @Override
        public void extendClaim(String processorName, int segment) {
            if (claimedElsewhere.get()) {
                throw new UnableToClaimTokenException("claimed by another instance");
            }
        }
    };
    private final AtomicLong head = new AtomicLong();
    private final ViewsBeforeTokens tokens = new ViewsBeforeTokens(storedTokens,
            new ViewsBeforeTokens.CatchUp(head::get, BATCH));
    private MongoTemplate mongo;
    private SimpleEventHandlerInvoker handlers;

    @BeforeAll
    static void startServer() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + server.bind().getPort()))
                .addCommandListener(new CommandListener() {
                    @Override
                    public void commandStarted(CommandStartedEvent event) {
                        commands.add(event);
                    }
                }).build());
    }

    @AfterAll
    static void stopServer() {
        client.close();
        server.shutdownNow();
    }

    @BeforeEach
    void setUp() {
        MongoTemplate plain = new MongoTemplate(client, "unused");
        mongo = new BatchingMongoTemplate(new SimpleMongoClientDatabaseFactory(client,
                "carried_" + UUID.randomUUID().toString().substring(0, 8)), plain.getConverter());
        handlers = SimpleEventHandlerInvoker.builder().eventHandlers(new Tallies(mongo)).build();
        storedTokens.initializeTokenSegments(processor, 1);
        commands.clear();
    }

    @Test
    void batchesFarBehindTheHeadAreWrittenOnceWithTheTokenOfTheLast() throws Exception {
        head.set(99);
        processFromTo(0, 90);
        assertThat(writes()).as("writes while 10 or more events lie ahead").isZero();
        assertThat(storedTokens.fetchToken(processor, 0)).as("the token waits for its views").isNull();
        assertThat(stored()).isNull();

        process(90);

        assertThat(writes()).isOne();
        assertStored(100, 99);
    }

    @Test
    void aBatchLessThanABatchFromTheHeadIsWrittenAtOnce() throws Exception {
        head.set(15);

        process(0);

        assertThat(writes()).isOne();
        assertStored(10, 9);
    }

    @Test
    void aProcessorThatReadsItsTokenAgainDropsWhatItCarriedAndCountsNothingTwice() throws Exception {
        head.set(49);
        process(0);
        process(10);
        assertThat(tokens.fetchToken(processor, 0)).as("read again, as after a failure: nothing stored yet").isNull();

        processFromTo(0, 50);

        assertStored(50, 49);
    }

    @Test
    void aBatchThatFailsDropsWhatWasCarriedIntoIt() throws Exception {
        head.set(49);
        process(0);
        process(10);
        assertThatThrownBy(() -> process(20, Tallies.FAILING)).hasMessageContaining("failed");

        assertThat(tokens.fetchToken(processor, 0)).as("read again after the failure").isNull();
        processFromTo(0, 50);

        assertStored(50, 49);
    }

    /** Documents read seconds ago must not replace what an instance that took the claim since wrote. */
    @Test
    void whatWasCarriedIsNotWrittenOnceTheClaimIsLost() throws Exception {
        head.set(29);
        process(0);
        process(10);
        claimedElsewhere.set(true);

        assertThatThrownBy(() -> process(20)).isInstanceOf(UnableToClaimTokenException.class);

        assertThat(writes()).isZero();
    }

    /**
     * A split starts the new half from how far this thread has applied events: what it carried is
     * written first, or the new half's events of the carried window would never reach the views.
     */
    @Test
    void aSplitWritesWhatWasCarriedBeforeTheOtherHalfStarts() throws Exception {
        head.set(49);
        process(0);
        process(10);

        tokens.initializeSegment(tokenAt(19), processor, 1);

        assertThat(stored().count).isEqualTo(20);
        assertThat(storedTokens.fetchToken(processor, 0)).as("the token of the split segment, not yet past its views").isNull();
    }

    /**
     * A handler failed and its failure was set aside (the dead-letter queue) before it read anything:
     * the batch it failed in is the carried one, so none of the window is stored and all of it is
     * applied again on copies.
     */
    @Test
    void aFailureSetAsideInABatchCarriedIntoIsNotCarriedOn() throws Exception {
        head.set(49);
        process(0);
        process(10);

        assertThatThrownBy(() -> process(20, Tallies.SET_ASIDE)).isInstanceOf(AppliedAgainOnCopies.class);

        assertThat(writes()).isZero();
        assertThat(storedTokens.fetchToken(processor, 0)).isNull();
    }

    /** Applied again up to the refused batch, each batch is stored: the failure is met once more, not once a batch. */
    @Test
    void afterARefusalEachBatchUpToTheRefusedOneIsStored() throws Exception {
        head.set(49);
        process(0);
        process(10);
        assertThatThrownBy(() -> process(20, Tallies.SET_ASIDE)).isInstanceOf(AppliedAgainOnCopies.class);
        tokens.fetchToken(processor, 0);

        process(0);
        process(10);

        assertStored(20, 19);
    }

    /**
     * Two applications in one JVM (as tests run two instances) have processor threads of the same
     * names: one reading its token must not drop what the other's thread carries.
     */
    @Test
    void whatAThreadCarriesIsDroppedOnlyByThatThread() throws Exception {
        head.set(49);
        ExecutorService processorThread = Executors.newSingleThreadExecutor();
        try {
            processorThread.submit(() -> {
                process(0);
                return process(10);
            }).get();
            tokens.fetchToken(processor, 0);
            processorThread.submit(() -> {
                processFromTo(20, 50);
                return null;
            }).get();
        } finally {
            processorThread.shutdownNow();
        }

        assertStored(50, 49);
    }

    private void processFromTo(int from, int to) throws Exception {
        for (int batch = from; batch < to; batch += BATCH) {
            process(batch);
        }
    }

    private void assertStored(int count, int tokenPosition) {
        assertThat(stored().count).as("the tally stored").isEqualTo(count);
        assertThat(storedTokens.fetchToken(processor, 0)).as("the token stored").isEqualTo(tokenAt(tokenPosition));
    }

    /** As Axon's tracking processor: one unit of work per batch, naming its segment, its token stored as it commits. */
    private Void process(int from) throws Exception {
        return process(from, 0);
    }

    private Void process(int from, int amount) throws Exception {
        List<EventMessage<?>> batch = LongStream.range(from, from + BATCH).<EventMessage<?>>mapToObj(position ->
                new GenericTrackedEventMessage<>(tokenAt(position), GenericEventMessage.asEventMessage(
                        new Counted(TALLY, amount == 0 ? 1 : amount)))).toList();
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(batch);
        unitOfWork.resources().put("Processor[" + processor + "]/SegmentId", 0);
        TrackingToken last = ((TrackedEventMessage<?>) batch.get(batch.size() - 1)).trackingToken();
        var result = unitOfWork.executeWithResult(() -> {
            if (unitOfWork.isFirstMessage()) {
                unitOfWork.onPrepareCommit(u -> tokens.storeToken(last, processor, 0));
            }
            handlers.handle((EventMessage<?>) CurrentUnitOfWork.get().getMessage(), Segment.ROOT_SEGMENT);
            return null;
        }, RollbackConfigurationType.ANY_THROWABLE);
        if (result.isExceptional()) {
            throw (Exception) result.exceptionResult();
        }
        return null;
    }

    private static TrackingToken tokenAt(long position) {
        return new GlobalSequenceTrackingToken(position);
    }

    private Tally stored() {
        return new MongoTemplate(client, mongo.getDb().getName()).findById(TALLY, Tally.class, Tallies.COLLECTION);
    }

    private long writes() {
        synchronized (commands) {
            return commands.stream().filter(command -> command.getCommandName().equals("update")).count();
        }
    }

    record Counted(String tallyId, int amount) {
    }

    static class Tally {
        @Id
        String id;
        int count;
    }

    static class Tallies {
        static final String COLLECTION = "tallies";
        /** An amount the handler fails on, halfway through changing its document. */
        static final int FAILING = -1;
        /** An amount whose failure is set aside before the handler reads anything, as the dead-letter queue does. */
        static final int SET_ASIDE = -2;
        private final MongoTemplate mongo;

        Tallies(MongoTemplate mongo) {
            this.mongo = mongo;
        }

        @EventHandler
        void on(Counted event) {
            if (event.amount() == SET_ASIDE) {
                ViewBatch.handlerFailed();
                return;
            }
            Tally tally = mongo.findById(event.tallyId(), Tally.class, COLLECTION);
            if (tally == null) {
                tally = new Tally();
                tally.id = event.tallyId();
            }
            tally.count += Math.abs(event.amount());
            if (event.amount() == FAILING) {
                throw new IllegalStateException("failed halfway");
            }
            mongo.save(tally, COLLECTION);
        }
    }
}
