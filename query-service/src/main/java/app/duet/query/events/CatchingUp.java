package app.duet.query.events;

import app.duet.query.batch.AppliedAgainOnCopies;
import jakarta.annotation.PreDestroy;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Whether the views a processor builds can be shown yet. A processor is <em>catching up</em> from
 * its start, a reset or a failure (its MongoDB away) until it has reached the head of the event
 * store it saw then: until that
 * moment its views may be older than what a client was already shown, so they answer 503 instead of
 * a stale or missing view, its pushes are held back (a replayed v3 after a shown v40 would be a step
 * back), and readiness says out of service ({@link CatchingUpHealth}). Once caught up it stays so
 * until the next reset or failure.
 * <p>
 * Views are named by the processing group that builds them; a view whose builder can change (the
 * cycle state, served from one of two collections) names its current builder through {@link #servedBy}.
 */
@Component
public class CatchingUp {

    /** What clients are told on their topics when catching up starts and ends. */
    public enum Change { STARTED, ENDED }

    private static final Logger log = LoggerFactory.getLogger(CatchingUp.class);
    private static final Duration CHECK_EVERY = Duration.ofMillis(200);

    private final ObjectProvider<EventProcessingConfiguration> processing;
    private final ObjectProvider<SharedTokens> shared;
    private final EventStorageEngine storage;
    private final Duration retryAfter;
    private final Map<String, Long> headAtStart = new ConcurrentHashMap<>();
    private final Set<String> caughtUp = ConcurrentHashMap.newKeySet();
    private final Map<String, Supplier<String>> builders = new ConcurrentHashMap<>();
    private final Set<String> alternatives = ConcurrentHashMap.newKeySet();
    private final Map<String, String> lastBuilder = new ConcurrentHashMap<>();
    private final List<Consumer<Change>> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService checks = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "duet-catching-up");
        thread.setDaemon(true);
        return thread;
    });
    private ScheduledFuture<?> checking;
    private volatile boolean anyCatchingUp = true;

    CatchingUp(ObjectProvider<EventProcessingConfiguration> processing, ObjectProvider<SharedTokens> shared,
               EventStorageEngine storage, @Value("${duet.projections.retry-after:2s}") Duration retryAfter) {
        this.processing = processing;
        this.shared = shared;
        this.storage = storage;
        this.retryAfter = retryAfter;
    }

    /** Once Axon's processors are started with the context: from then on, watch them catch up. */
    @EventListener(ContextRefreshedEvent.class)
    synchronized void startWatching() {
        if (checking == null) {
            checking = checks.scheduleWithFixedDelay(this::check, 0, CHECK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    void stopWatching() {
        checks.shutdownNow();
    }

    /**
     * A view built by one of several processors, {@code current} naming the one that serves now: the
     * others build beside it (a new version, a rebuild nobody must see half done) and are never
     * catching up for anyone.
     */
    public void servedBy(String view, Set<String> candidates, Supplier<String> current) {
        alternatives.addAll(candidates);
        builders.put(view, current);
    }

    /** Whether the processor that builds this view (a processing group, or a name given to {@link #servedBy}) is catching up. */
    public boolean isCatchingUp(String view) {
        String group = builderOf(view);
        if (caughtUp.contains(group)) {
            return false;
        }
        if (hasReachedHeadAtStart(group)) {
            markCaughtUp(group);
            return false;
        }
        return true;
    }

    /** Whether any view clients read is catching up: what readiness and the topics' notices go by. */
    public boolean isAnyCatchingUp() {
        return anyCatchingUp;
    }

    /** The views clients read, each by the processing group that builds it now. */
    public List<String> servedGroups() {
        Set<String> serving = builders.keySet().stream().map(this::builderOf).collect(Collectors.toSet());
        return processors().keySet().stream()
                .filter(group -> !alternatives.contains(group) || serving.contains(group))
                .toList();
    }

    /** A processor was reset (a rebuild in place): its views catch up again, against today's head. */
    public void restarted(String processingGroup) {
        headAtStart.put(processingGroup, head());
        caughtUp.remove(processingGroup);
    }

    /** How long a client should wait before asking again. */
    public Duration retryAfter() {
        return retryAfter;
    }

    public void onChange(Consumer<Change> listener) {
        listeners.add(listener);
    }

    private void check() {
        try {
            // A processor that fails (its MongoDB away) falls behind from here on: its views catch up again.
            for (String group : servedGroups()) {
                if (caughtUp.contains(group) && isFailing(group)) {
                    restarted(group);
                }
            }
            boolean before = anyCatchingUp;
            boolean now = servedGroups().stream().anyMatch(this::isCatchingUp);
            anyCatchingUp = now;
            if (before != now) {
                listeners.forEach(listener -> listener.accept(now ? Change.STARTED : Change.ENDED));
            }
        } catch (RuntimeException unavailable) {
            // MongoDB or the event store may be away for a moment; the next check asks again.
            log.debug("Could not tell whether the projections have caught up", unavailable);
        }
    }

    private void markCaughtUp(String group) {
        caughtUp.add(group);
    }

    /**
     * Reached means: no segment this instance works on is failing, and every segment of the view
     * stands at or past the head seen at start. For a view whose segments several instances share,
     * that is read from the shared token store, not from this instance's own segments: a view another
     * instance is still rebuilding in part is not caught up here either, or a reader here would be
     * answered from its half-built documents (a withdrawn consent not yet replayed, say).
     */
    private boolean hasReachedHeadAtStart(String group) {
        long head = headAtStart.computeIfAbsent(group, name -> head());
        if (head < 0) {
            return true;
        }
        TrackingEventProcessor processor = processors().get(group);
        if (processor == null || !processor.isRunning()) {
            return false;
        }
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        if (status.values().stream().anyMatch(EventTrackerStatus::isErrorState)) {
            return false;
        }
        if (EventSourceConfiguration.isShared(group)) {
            return shared.getObject().caughtUp(group, head);
        }
        return !status.isEmpty() && status.values().stream().allMatch(segment -> segment.getCurrentPosition().orElse(-1) >= head);
    }

    /**
     * A batch refused because a handler failed in it ({@link AppliedAgainOnCopies}) is no failure of the
     * views: it is applied again on copies within a second or two, its poison parked.
     */
    private boolean isFailing(String group) {
        TrackingEventProcessor processor = processors().get(group);
        return processor != null && processor.processingStatus().values().stream().anyMatch(status ->
                status.isErrorState() && !AppliedAgainOnCopies.isCause(status.getError()));
    }

    /** The builder asked last is kept: with its store away, a view's builder is the one it had. */
    private String builderOf(String view) {
        Supplier<String> builder = builders.get(view);
        if (builder == null) {
            return view;
        }
        try {
            String current = builder.get();
            lastBuilder.put(view, current);
            return current;
        } catch (RuntimeException unavailable) {
            String last = lastBuilder.get(view);
            if (last == null) {
                throw unavailable;
            }
            return last;
        }
    }

    private Map<String, TrackingEventProcessor> processors() {
        Map<String, TrackingEventProcessor> tracking = new java.util.TreeMap<>();
        processing.getObject().eventProcessors().forEach((name, processor) -> {
            if (processor instanceof TrackingEventProcessor trackingProcessor) {
                tracking.put(name, trackingProcessor);
            }
        });
        return tracking;
    }

    /** The global index of the newest event, or -1 for an empty store. */
    private long head() {
        TrackingToken token = storage.createHeadToken();
        return token == null ? -1 : token.position().orElse(-1);
    }
}
