package app.duet.query.rebuild;

import app.duet.api.analytics.ProjectionStatusView;
import app.duet.query.cycle.CycleStateProjection;
import app.duet.query.cycle.CycleStateStore;
import app.duet.query.cycle.NextCycleStateProjection;
import app.duet.query.events.EventSourceConfiguration;
import app.duet.query.events.SharedTokens;
import app.duet.query.notification.NotificationProjection;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.NoSuchElementException;

/**
 * Rebuilding projections while Duet runs, whichever instance is asked: from scratch in place (its
 * documents go, the events are replayed into it, on every instance at once, see {@link Rebuilds}),
 * or, for the cycle state, beside the serving one and then switched to, so nobody sees it half
 * built. Progress is read from the shared token store: every segment's position against the head.
 */
@Component
public class Projections {

    /** The projections analysts may rebuild; the per-instance access processor starts at the head each time and is not one. */
    static final List<String> REBUILDABLE = List.of("live-views", "therapist-only", CycleStateProjection.PROCESSING_GROUP,
            NextCycleStateProjection.PROCESSING_GROUP, NotificationProjection.PROCESSING_GROUP);

    private final ObjectProvider<EventProcessingConfiguration> processing;
    private final ObjectProvider<TokenStore> tokens;
    private final EventStorageEngine storage;
    private final CycleStateStore cycleStates;
    private final SharedTokens shared;
    private final RebuildRequests requests;
    private final DeadLetters deadLetters;

    Projections(ObjectProvider<EventProcessingConfiguration> processing, ObjectProvider<TokenStore> tokens,
                EventStorageEngine storage, CycleStateStore cycleStates, SharedTokens shared, RebuildRequests requests,
                DeadLetters deadLetters) {
        this.processing = processing;
        this.tokens = tokens;
        this.storage = storage;
        this.cycleStates = cycleStates;
        this.shared = shared;
        this.requests = requests;
        this.deadLetters = deadLetters;
    }

    /**
     * Each projection as every instance sees it: running if this instance runs it or any instance
     * claims a segment, rebuilding from the request until every segment has replayed the events.
     */
    public List<ProjectionStatusView> statuses() {
        long head = position(storage.createHeadToken());
        String serving = servingGroup();
        return REBUILDABLE.stream().map(name -> {
            List<SharedTokens.Segment> segments = shared.of(name);
            boolean pending = requests.of(name).map(RebuildRequests.Request::pending).orElse(false);
            boolean running = !pending && (processor(name).isRunning() || segments.stream().anyMatch(s -> s.owner() != null));
            long position = Math.max(0, segments.stream().mapToLong(SharedTokens.Segment::position).min().orElse(0));
            boolean replaying = pending || segments.stream().anyMatch(SharedTokens.Segment::replaying);
            int percent = pending ? 0 : head <= 0 ? 100 : (int) Math.min(100, position * 100 / head);
            boolean serves = !name.startsWith("cycle-state") || name.equals(serving);
            return new ProjectionStatusView(name, running, replaying, position, head, running ? percent : 0, serves,
                    deadLetters.count(name));
        }).toList();
    }

    /** Drops the projection's documents and replays every event into it, on every instance; progress shows in {@link #statuses}. */
    public void rebuild(String name) {
        processor(name);
        requests.request(name);
    }

    /** Builds the cycle state anew in the collection that does not serve, leaving the serving one alone. */
    public String buildCycleStateBeside() {
        String beside = otherCycleState();
        rebuild(beside);
        return beside;
    }

    /**
     * Serves the cycle state from the other collection, once every segment of it has caught up with
     * the events. Every instance reads which one serves from MongoDB at each use ({@link CycleStateStore#serving}).
     */
    public String switchCycleState() {
        String other = otherCycleState();
        boolean pending = requests.of(other).map(RebuildRequests.Request::pending).orElse(false);
        TrackingToken head = storage.createHeadToken();
        if (pending || !shared.caughtUp(other, head == null ? -1 : position(head))) {
            throw new IllegalStateException("The other cycle state has not caught up with the events yet: build it first and wait until it has.");
        }
        cycleStates.serveFrom(other.equals(CycleStateProjection.PROCESSING_GROUP) ? CycleStateStore.LIVE : CycleStateStore.NEXT);
        return other;
    }

    private String otherCycleState() {
        return servingGroup().equals(CycleStateProjection.PROCESSING_GROUP)
                ? NextCycleStateProjection.PROCESSING_GROUP : CycleStateProjection.PROCESSING_GROUP;
    }

    private String servingGroup() {
        return CycleStateStore.NEXT.equals(cycleStates.serving())
                ? NextCycleStateProjection.PROCESSING_GROUP : CycleStateProjection.PROCESSING_GROUP;
    }

    /** The idle cycle state starts with Duet once it has been built, so a switch survives restarts. */
    @EventListener(ApplicationReadyEvent.class)
    void startBuiltCycleState() {
        if (hasTokens(NextCycleStateProjection.PROCESSING_GROUP) || CycleStateStore.NEXT.equals(cycleStates.serving())) {
            processor(NextCycleStateProjection.PROCESSING_GROUP).start();
        }
    }

    private boolean hasTokens(String name) {
        return tokens.getObject().fetchSegments(name).length > 0;
    }

    private TrackingEventProcessor processor(String name) {
        if (!REBUILDABLE.contains(name)) {
            throw new NoSuchElementException("There is no projection called " + name + ".");
        }
        return processing.getObject().eventProcessor(name, TrackingEventProcessor.class)
                .orElseThrow(() -> new NoSuchElementException("There is no projection called " + name + "."));
    }

    private static long position(TrackingToken token) {
        return token == null ? 0 : token.position().orElse(0);
    }

    /** The cycle state beside the serving one waits for an analyst to build it. */
    @Component
    static class IdleUntilBuilt implements ConfigurerModule {

        private final EventSourceConfiguration.ProcessorShape shape;

        IdleUntilBuilt(EventSourceConfiguration.ProcessorShape shape) {
            this.shape = shape;
        }

        @Override
        public void configureModule(org.axonframework.config.Configurer configurer) {
            configurer.eventProcessing().registerTrackingEventProcessorConfiguration(
                    NextCycleStateProjection.PROCESSING_GROUP, configuration -> shape.segmented(false));
        }
    }
}
