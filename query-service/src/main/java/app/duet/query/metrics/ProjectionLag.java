package app.duet.query.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How far each projection trails the events: {@code duet.projection.delay} times how long each live
 * event took from commit to being applied; {@code duet.projection.lag} is, while a processor is
 * behind, the age of the last event it applied (zero once caught up): the number to alarm on;
 * {@code duet.projection.applied} counts every event applied, replayed or live (a rebuild's pace, and
 * whether a restart replayed anything).
 */
@Component
class ProjectionLag implements ConfigurerModule {

    private final MeterRegistry registry;
    private final ObjectProvider<EventProcessingConfiguration> processors;
    private final java.util.Set<String> gauged = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Map<String, Instant> lastApplied = new ConcurrentHashMap<>();

    ProjectionLag(MeterRegistry registry, ObjectProvider<EventProcessingConfiguration> processors) {
        this.registry = registry;
        this.processors = processors;
    }

    @Override
    public void configureModule(org.axonframework.config.Configurer configurer) {
        configurer.eventProcessing()
                .registerDefaultHandlerInterceptor((configuration, processor) -> interceptorFor(processor));
    }

    private MessageHandlerInterceptor<EventMessage<?>> interceptorFor(String processor) {
        Timer delay = Timer.builder("duet.projection.delay").tag("processor", processor)
                .publishPercentileHistogram().register(registry);
        // Axon may build a processor's interceptors more than once (the idle cycle state's, for one);
        // timers and counters come back as they are, a gauge would be refused with a warning.
        if (gauged.add(processor)) {
            Gauge.builder("duet.projection.lag", lastApplied,
                            applied -> isCaughtUp(processor) ? 0 : ageInSeconds(applied.get(processor)))
                    .tag("processor", processor).baseUnit("seconds").register(registry);
        }
        Counter eventsApplied = Counter.builder("duet.projection.applied").tag("processor", processor).register(registry);
        return (UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) -> {
            Object result = chain.proceed();
            EventMessage<?> event = unitOfWork.getMessage();
            boolean replay = event instanceof TrackedEventMessage<?> tracked
                    && ReplayToken.isReplay(tracked.trackingToken());
            if (!replay) {
                delay.record(Duration.between(event.getTimestamp(), Instant.now()));
            }
            eventsApplied.increment();
            lastApplied.put(processor, event.getTimestamp());
            return result;
        };
    }

    private boolean isCaughtUp(String processor) {
        return processors.getObject().eventProcessor(processor, TrackingEventProcessor.class)
                .map(tracking -> tracking.processingStatus().values().stream().allMatch(EventTrackerStatus::isCaughtUp))
                .orElse(true);
    }

    private static double ageInSeconds(Instant eventTime) {
        return eventTime == null ? 0 : Math.max(0, Duration.between(eventTime, Instant.now()).toMillis() / 1000.0);
    }
}
