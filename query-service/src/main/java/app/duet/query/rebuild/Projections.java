package app.duet.query.rebuild;

import app.duet.api.analytics.ProjectionStatusView;
import app.duet.query.cycle.CycleStateProjection;
import app.duet.query.cycle.CycleStateStore;
import app.duet.query.cycle.NextCycleStateProjection;
import app.duet.query.events.CatchingUp;
import app.duet.query.events.EventSourceConfiguration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Rebuilding projections while Duet runs: from scratch in place (its documents go, the events are
 * replayed into it, progress is the processor's position against the head of the stream), or, for
 * the cycle state, beside the serving one and then switched to, so nobody sees it half built.
 */
@Component
public class Projections {

    /** The projections analysts may rebuild; the per-instance access processor starts at the head each time and is not one. */
    static final List<String> REBUILDABLE = List.of("live-views", "therapist-only", CycleStateProjection.PROCESSING_GROUP,
            NextCycleStateProjection.PROCESSING_GROUP);

    private final ObjectProvider<EventProcessingConfiguration> processing;
    private final ObjectProvider<TokenStore> tokens;
    private final EventStorageEngine storage;
    private final CycleStateStore cycleStates;
    private final CatchingUp catchingUp;
    private final DeadLetters deadLetters;

    Projections(ObjectProvider<EventProcessingConfiguration> processing, ObjectProvider<TokenStore> tokens,
                EventStorageEngine storage, CycleStateStore cycleStates, CatchingUp catchingUp, DeadLetters deadLetters) {
        this.processing = processing;
        this.tokens = tokens;
        this.storage = storage;
        this.cycleStates = cycleStates;
        this.catchingUp = catchingUp;
        this.deadLetters = deadLetters;
    }

    public List<ProjectionStatusView> statuses() {
        long head = position(storage.createHeadToken());
        String serving = servingGroup();
        return REBUILDABLE.stream().map(name -> {
            TrackingEventProcessor processor = processor(name);
            Map<Integer, EventTrackerStatus> status = processor.processingStatus();
            long position = status.values().stream().mapToLong(s -> s.getCurrentPosition().orElse(0)).min().orElse(0);
            boolean replaying = status.values().stream().anyMatch(Projections::stillReplaying);
            int percent = head <= 0 ? 100 : (int) Math.min(100, position * 100 / head);
            boolean serves = !name.startsWith("cycle-state") || name.equals(serving);
            return new ProjectionStatusView(name, processor.isRunning(), replaying, position, head,
                    processor.isRunning() ? percent : 0, serves, deadLetters.count(name));
        }).toList();
    }

    /** Drops the projection's documents and replays every event into it; returns at once, progress shows in {@link #statuses}. */
    public void rebuild(String name) {
        TrackingEventProcessor processor = processor(name);
        processor.shutDown();
        if (hasTokens(name)) {
            processor.resetTokens();
        } else if (name.equals(NextCycleStateProjection.PROCESSING_GROUP)) {
            cycleStates.deleteAll(CycleStateStore.NEXT);
        }
        catchingUp.restarted(name);
        processor.start();
    }

    /** Builds the cycle state anew in the collection that does not serve, leaving the serving one alone. */
    public String buildCycleStateBeside() {
        String beside = servingGroup().equals(CycleStateProjection.PROCESSING_GROUP)
                ? NextCycleStateProjection.PROCESSING_GROUP : CycleStateProjection.PROCESSING_GROUP;
        rebuild(beside);
        return beside;
    }

    /** Serves the cycle state from the other collection, once it has caught up with the events. */
    public String switchCycleState() {
        String other = servingGroup().equals(CycleStateProjection.PROCESSING_GROUP)
                ? NextCycleStateProjection.PROCESSING_GROUP : CycleStateProjection.PROCESSING_GROUP;
        TrackingEventProcessor processor = processor(other);
        boolean caughtUp = processor.isRunning() && !processor.processingStatus().isEmpty()
                && processor.processingStatus().values().stream().allMatch(s -> s.isCaughtUp() && !stillReplaying(s));
        if (!caughtUp) {
            throw new IllegalStateException("The other cycle state has not caught up with the events yet: build it first and wait until it has.");
        }
        cycleStates.serveFrom(other.equals(CycleStateProjection.PROCESSING_GROUP) ? CycleStateStore.LIVE : CycleStateStore.NEXT);
        return other;
    }

    /**
     * Axon calls a processor replaying until it handles an event past the position it was reset at;
     * a rebuild is done as soon as it has handled the event at that position.
     */
    private static boolean stillReplaying(EventTrackerStatus status) {
        return status.isReplaying() && status.getCurrentPosition().orElse(0) < status.getResetPosition().orElse(0);
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
