package app.duet.query.events;

import app.duet.eventstore.privacy.DataKeys;
import app.duet.query.access.AccessEnforcement;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Every tracking processor of the query side reads through {@link NotifiedEventSource}. It is woken
 * by PostgreSQL notifications when the event store is PostgreSQL (another JVM writes it), and by
 * commits on this JVM's event bus when both sides share one JVM (standalone).
 * <p>
 * Each processor is split into {@code duet.projections.segments} segments ordered per couple
 * ({@link ByCouple}), one thread each, claimed through the token store: one instance works them all in
 * parallel, several instances share them ({@link SegmentShares}). A thread reads the whole stream and
 * skips, undecrypted, what belongs to other segments, so more segments cost more reads: raise the
 * count with the instances, not beyond.
 */
@Configuration(proxyBeanMethods = false)
public class EventSourceConfiguration {

    @Bean
    EventsAppendedSignal eventsAppendedSignal(EventBus eventBus) {
        EventsAppendedSignal signal = new EventsAppendedSignal();
        // Ring only after the appending transaction committed, or the reader would find nothing yet.
        eventBus.subscribe(events -> {
            if (CurrentUnitOfWork.isStarted()) {
                CurrentUnitOfWork.get().afterCommit(unitOfWork -> signal.ring());
            } else {
                signal.ring();
            }
        });
        return signal;
    }

    @Bean
    ThisInstance thisInstance(@Value("${duet.instance-id:}") String configured, @Value("${duet.mongo.embedded-file:}") String viewsFile) {
        // The views file is held by one JVM only: it is the one instance, under the name its claims are kept by.
        return ThisInstance.named(viewsFile.isBlank() ? configured : ThisInstance.VIEWS_FILE_OWNER);
    }

    @Bean
    SegmentShares segmentShares(ThisInstance instance, MongoTemplate mongo,
                                ObjectProvider<EventProcessingConfiguration> processing, ObjectProvider<TokenStore> tokens,
                                @Value("${duet.projections.segments:2}") int segments,
                                @Value("${duet.projections.heartbeat:2s}") Duration heartbeat, MeterRegistry registry) {
        return new SegmentShares(instance, mongo, processing, tokens, EventSourceConfiguration::isShared, segments, heartbeat,
                registry);
    }

    /** Whether the instances share this processor's segments; the access processor follows the whole stream on each, keeping no shared tokens. */
    public static boolean isShared(String processingGroup) {
        return !processingGroup.equals(AccessEnforcement.PROCESSING_GROUP);
    }

    @Bean
    NotifiedEventSource notifiedEventSource(EventStorageEngine storage, EventsAppendedSignal signal,
                                            @Value("${duet.projections.batch-size:100}") int batchSize) {
        return new NotifiedEventSource(storage, signal, batchSize);
    }

    /**
     * The processors wait on the source for up to {@code fallbackPoll} before asking the store again
     * unprompted; with notifications working, that poll only matters if one is lost. The source is
     * looked up late: its storage engine is itself built from the Axon configuration this shapes.
     */
    @Bean
    ConfigurerModule readEventsThroughNotifiedSource(ObjectProvider<NotifiedEventSource> source,
                                                     ObjectProvider<DataKeys> keys, ProcessorShape shape) {
        return configurer -> configurer.eventProcessing()
                .configureDefaultStreamableMessageSource(configuration -> source.getObject())
                .registerDefaultSequencingPolicy(configuration -> new ByCouple(keys.getObject()))
                .registerTrackingEventProcessorConfiguration(configuration -> shape.segmented(true));
    }

    @Bean
    ProcessorShape processorShape(@Value("${duet.projections.batch-size:100}") int batchSize,
                                  @Value("${duet.projections.fallback-poll:1s}") Duration fallbackPoll,
                                  @Value("${duet.projections.segments:2}") int segments,
                                  @Value("${duet.projections.heartbeat:2s}") Duration heartbeat) {
        return new ProcessorShape(batchSize, fallbackPoll, segments, heartbeat);
    }

    /**
     * How every shared processor runs: its segments, one thread each, its batches, and how soon an idle
     * thread tries to claim a segment another instance let go (a heartbeat).
     */
    public record ProcessorShape(int batchSize, Duration fallbackPoll, int segments, Duration claimInterval) {

        public TrackingEventProcessorConfiguration segmented(boolean autoStart) {
            return TrackingEventProcessorConfiguration.forParallelProcessing(segments)
                    .andInitialSegmentsCount(segments)
                    .andBatchSize(batchSize)
                    .andEventAvailabilityTimeout(fallbackPoll.toMillis(), TimeUnit.MILLISECONDS)
                    .andTokenClaimInterval(claimInterval.toMillis(), TimeUnit.MILLISECONDS)
                    .andAutoStart(autoStart);
        }
    }

    @Bean
    @Conditional(EventStoreIsPostgres.class)
    PostgresEventsAppendedListener postgresEventsAppendedListener(DataSourceProperties database,
                                                                  EventsAppendedSignal signal) {
        return new PostgresEventsAppendedListener(database, signal);
    }

    static class EventStoreIsPostgres implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String url = context.getEnvironment().getProperty("spring.datasource.url", "");
            return url.startsWith("jdbc:postgresql:");
        }
    }
}
