package app.duet.query.events;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Spreads the projections' segments over the query-service instances that run. Axon lets each
 * instance claim whatever segment is free, so the first to start holds them all and a second would
 * only stand by. Each instance beats its heart in MongoDB; one that holds more than its share of a
 * processor's segments (the count divided by the instances alive, rounded up) lets the surplus go
 * for a while, and the others' idle threads claim it. An instance that stops beating (it died) drops
 * out of the count, and the rest claim its segments once its claims time out.
 * <p>
 * Views made with fewer segments than configured (before the count was raised) are split, one
 * segment at a time, by whichever instance holds the one to split.
 */
public class SegmentShares implements SmartLifecycle {

    static final String COLLECTION = "query_instances";
    private static final Logger log = LoggerFactory.getLogger(SegmentShares.class);

    private final ThisInstance instance;
    private final MongoTemplate mongo;
    private final ObjectProvider<EventProcessingConfiguration> processing;
    private final ObjectProvider<TokenStore> tokens;
    private final Predicate<String> shared;
    private final int segments;
    private final Duration heartbeat;
    private final Set<String> gauged = ConcurrentHashMap.newKeySet();
    private final MeterRegistry registry;
    private ScheduledExecutorService beating;
    /** A split under way: another waits for it, or two would be asked before the first shows in the store. */
    private java.util.concurrent.CompletableFuture<Boolean> splitting = java.util.concurrent.CompletableFuture.completedFuture(true);

    public SegmentShares(ThisInstance instance, MongoTemplate mongo, ObjectProvider<EventProcessingConfiguration> processing,
                         ObjectProvider<TokenStore> tokens, Predicate<String> shared, int segments, Duration heartbeat,
                         MeterRegistry registry) {
        this.instance = instance;
        this.mongo = mongo;
        this.processing = processing;
        this.tokens = tokens;
        this.shared = shared;
        this.segments = segments;
        this.heartbeat = heartbeat;
        this.registry = registry;
    }

    @Override
    public synchronized void start() {
        beating = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "duet-segment-shares");
            thread.setDaemon(true);
            return thread;
        });
        beating.scheduleWithFixedDelay(this::beatSafely, 0, heartbeat.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (beating != null) {
            beating.shutdownNow();
            beating = null;
            leaveSafely();
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return beating != null;
    }

    private void beatSafely() {
        try {
            beat();
        } catch (RuntimeException failure) {
            // MongoDB away: the processors wait for it too; the next beat tries again.
            log.debug("Segment shares could not beat: {}", failure.getMessage());
        }
    }

    private void leaveSafely() {
        try {
            leave();
        } catch (RuntimeException failure) {
            log.debug("Could not leave the instance count: {}", failure.getMessage());
        }
    }

    /** One beat: say this instance is alive, then give up or split what its share asks. */
    public void beat() {
        mongo.upsert(Query.query(Criteria.where("_id").is(instance.id())),
                Update.update("seenAt", Date.from(Instant.now())), COLLECTION);
        int alive = aliveInstances();
        for (TrackingEventProcessor processor : sharedProcessors()) {
            gauge(processor.getName());
            if (processor.isRunning()) {
                share(processor, alive);
            }
        }
    }

    /** Leaves the count at once on a clean stop, so the others claim its segments without waiting. */
    public void leave() {
        mongo.remove(Query.query(Criteria.where("_id").is(instance.id())), COLLECTION);
    }

    int aliveInstances() {
        Date since = Date.from(Instant.now().minus(heartbeat.multipliedBy(3)));
        long alive = mongo.count(Query.query(Criteria.where("seenAt").gte(since)), Document.class, COLLECTION);
        // Instances killed long ago leave their last beat behind: gone after ten missed beats.
        mongo.remove(Query.query(Criteria.where("seenAt").lt(Date.from(Instant.now().minus(heartbeat.multipliedBy(10))))), COLLECTION);
        return (int) Math.max(1, alive);
    }

    private void share(TrackingEventProcessor processor, int alive) {
        int[] existing = tokens.getObject().fetchSegments(processor.getName());
        Set<Integer> held = processor.processingStatus().keySet();
        if (existing.length == 0 || held.isEmpty()) {
            return;
        }
        if (existing.length < segments) {
            if (splitting.isDone()) {
                int widest = held.stream().min(Integer::compare).orElseThrow();
                log.info("Splitting segment {} of {} ({} of {} segments)", widest, processor.getName(), existing.length, segments);
                splitting = processor.splitSegment(widest);
            }
            return;
        }
        int fairShare = (existing.length + alive - 1) / alive;
        List<Integer> surplus = held.stream().sorted().skip(fairShare).toList();
        for (int segment : surplus) {
            log.info("Releasing segment {} of {} to the other {} instance(s)", segment, processor.getName(), alive - 1);
            processor.releaseSegment(segment, heartbeat.multipliedBy(4).toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private List<TrackingEventProcessor> sharedProcessors() {
        return processing.getObject().eventProcessors().values().stream()
                .filter(processor -> shared.test(processor.getName()))
                .filter(TrackingEventProcessor.class::isInstance).map(TrackingEventProcessor.class::cast)
                .toList();
    }

    /** How many of a processor's segments this instance holds, for the bench and dashboards. */
    private void gauge(String name) {
        if (gauged.add(name)) {
            Gauge.builder("duet.projection.segments.held", () -> sharedProcessors().stream()
                            .filter(processor -> processor.getName().equals(name))
                            .mapToInt(processor -> processor.processingStatus().size()).sum())
                    .tag("processor", name).register(registry);
        }
    }
}
