package app.duet.query.events;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Readiness: out of service until every running tracking processor has reached the head of the
 * events as it stood when this instance started, so whoever waits for readiness (a load balancer,
 * the restart bench) gets current views, not half-rebuilt ones. Once reached it stays up: a rebuild
 * an analyst starts later shows as progress under {@code /projections}, not as an outage.
 * <p>
 * Only segments this instance claimed count. A processor that claimed none yet is waited for a
 * while, then taken to be handled by another instance.
 */
@Component("processorsAtHead")
class ProcessorsAtHead implements HealthIndicator {

    private static final Duration CLAIM_WAIT = Duration.ofSeconds(30);

    private final ObjectProvider<EventProcessingConfiguration> processing;
    private final EventStorageEngine storage;
    private volatile Long headAtStart;
    private volatile long startedAt;
    private volatile boolean reached;

    ProcessorsAtHead(ObjectProvider<EventProcessingConfiguration> processing, EventStorageEngine storage) {
        this.processing = processing;
        this.storage = storage;
    }

    /** The processors are running by now; events appended meanwhile only raise the bar slightly. */
    @EventListener(ApplicationStartedEvent.class)
    void rememberTheHead() {
        startedAt = System.nanoTime();
        headAtStart = position(storage.createHeadToken());
    }

    @Override
    public Health health() {
        if (reached) {
            return Health.up().build();
        }
        Long head = headAtStart;
        if (head == null) {
            return Health.outOfService().withDetail("waiting", "for the application to start").build();
        }
        boolean claimWaitOver = System.nanoTime() - startedAt > CLAIM_WAIT.toNanos();
        List<String> behind = processing.getObject().eventProcessors().values().stream()
                .filter(processor -> processor instanceof TrackingEventProcessor tracking && tracking.isRunning())
                .map(TrackingEventProcessor.class::cast)
                .filter(tracking -> !atHead(tracking.processingStatus(), head, claimWaitOver))
                .map(TrackingEventProcessor::getName)
                .sorted().toList();
        if (!behind.isEmpty()) {
            return Health.outOfService().withDetail("head", head).withDetail("behind", behind).build();
        }
        reached = true;
        return Health.up().build();
    }

    private static boolean atHead(Map<Integer, EventTrackerStatus> segments, long head, boolean claimWaitOver) {
        if (segments.isEmpty()) {
            return claimWaitOver;
        }
        return segments.values().stream().allMatch(segment ->
                segment.isCaughtUp() || segment.getCurrentPosition().orElse(-1) >= head);
    }

    private static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }
}
