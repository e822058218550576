package app.duet.query.rebuild;

import app.duet.query.cycle.CycleStateStore;
import app.duet.query.cycle.NextCycleStateProjection;
import app.duet.query.events.CatchingUp;
import app.duet.query.events.ThisInstance;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Carries out the rebuilds asked for in {@link RebuildRequests}, on every instance: each sees a new
 * request within a poll, shuts its processor down (which frees its segments' claims), one of them
 * resets the tokens once nobody holds a claim (Axon's reset must claim every segment), and then
 * every instance starts the processor again, catching up from the start.
 */
@Component
class Rebuilds {

    private static final Logger log = LoggerFactory.getLogger(Rebuilds.class);

    private final RebuildRequests requests;
    private final ObjectProvider<EventProcessingConfiguration> processing;
    private final ObjectProvider<TokenStore> tokens;
    private final CycleStateStore cycleStates;
    private final CatchingUp catchingUp;
    private final Duration poll;
    private final String instance;
    /** The last request this instance has carried out, by processor. */
    private final Map<String, Long> carriedOut = new ConcurrentHashMap<>();
    private final ScheduledExecutorService polling = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "duet-rebuilds");
        thread.setDaemon(true);
        return thread;
    });

    Rebuilds(RebuildRequests requests, ObjectProvider<EventProcessingConfiguration> processing,
             ObjectProvider<TokenStore> tokens, CycleStateStore cycleStates, CatchingUp catchingUp, ThisInstance instance,
             @Value("${duet.projections.rebuild-poll:500ms}") Duration poll) {
        this.instance = instance.id();
        this.requests = requests;
        this.processing = processing;
        this.tokens = tokens;
        this.cycleStates = cycleStates;
        this.catchingUp = catchingUp;
        this.poll = poll;
    }

    @EventListener(ApplicationReadyEvent.class)
    void startPolling() {
        polling.scheduleWithFixedDelay(this::followRequests, 0, poll.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A closing instance starts no processor again. */
    @EventListener(ContextClosedEvent.class)
    void stopPolling() throws InterruptedException {
        polling.shutdown();
        polling.awaitTermination(10, TimeUnit.SECONDS);
    }

    private void followRequests() {
        if (carriedOut.isEmpty() && !startFromWhatWasAsked()) {
            return;
        }
        for (String name : Projections.REBUILDABLE) {
            try {
                requests.of(name).ifPresent(this::follow);
            } catch (RuntimeException unavailable) {
                // MongoDB away for a moment: the next poll asks again.
                log.debug("Could not follow the rebuild of {}", name, unavailable);
            }
        }
    }

    /**
     * What was asked before this instance started is done, or under way and followed from here on; a
     * rebuild asked later is followed even if another instance finished its reset before this one looked.
     */
    private boolean startFromWhatWasAsked() {
        try {
            Map<String, Long> asked = new java.util.HashMap<>();
            Projections.REBUILDABLE.forEach(name -> asked.put(name,
                    requests.of(name).map(RebuildRequests.Request::reset).orElse(0L)));
            carriedOut.putAll(asked);
            return true;
        } catch (RuntimeException unavailable) {
            log.debug("Could not read the rebuilds asked for yet", unavailable);
            return false;
        }
    }

    private void follow(RebuildRequests.Request request) {
        String name = request.processor();
        if (request.requested() <= carriedOut.get(name)) {
            return;
        }
        TrackingEventProcessor processor = processor(name);
        if (processor.isRunning()) {
            processor.shutDown();
        }
        if (request.pending()) {
            if (!requests.takeReset(request, instance, Instant.now()) || !reset(name, processor)) {
                return;
            }
            requests.resetDone(request);
        }
        catchingUp.restarted(name);
        processor.start();
        carriedOut.put(name, request.requested());
        log.info("Rebuild {} of {}: processing again", request.requested(), name);
    }

    /** False while another instance still holds a claim: it stops within a poll and frees it. */
    private boolean reset(String name, TrackingEventProcessor processor) {
        TokenStore store = tokens.getObject();
        int[] segments = store.fetchSegments(name);
        if (segments.length == 0) {
            if (name.equals(NextCycleStateProjection.PROCESSING_GROUP)) {
                cycleStates.deleteAll(CycleStateStore.NEXT);
            }
            return true;
        }
        try {
            processor.resetTokens();
        } catch (UnableToClaimTokenException claimed) {
            log.debug("{} not reset yet: {}", name, claimed.getMessage());
            return false;
        }
        // The reset claimed every segment for this instance: free them for whichever instance works on them.
        for (int segment : segments) {
            store.releaseClaim(name, segment);
        }
        return true;
    }

    private TrackingEventProcessor processor(String name) {
        return processing.getObject().eventProcessor(name, TrackingEventProcessor.class).orElseThrow();
    }
}
