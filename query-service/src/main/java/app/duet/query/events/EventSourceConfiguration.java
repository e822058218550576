package app.duet.query.events;

import org.axonframework.config.ConfigurerModule;
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

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Every tracking processor of the query side reads through {@link NotifiedEventSource}. It is woken
 * by PostgreSQL notifications when the event store is PostgreSQL (another JVM writes it), and by
 * commits on this JVM's event bus when both sides share one JVM (standalone).
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
                                                     @Value("${duet.projections.batch-size:100}") int batchSize,
                                                     @Value("${duet.projections.fallback-poll:1s}") Duration fallbackPoll) {
        return configurer -> configurer.eventProcessing()
                .configureDefaultStreamableMessageSource(configuration -> source.getObject())
                .registerTrackingEventProcessorConfiguration(configuration -> TrackingEventProcessorConfiguration
                        .forSingleThreadedProcessing()
                        .andBatchSize(batchSize)
                        .andEventAvailabilityTimeout(fallbackPoll.toMillis(), TimeUnit.MILLISECONDS));
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
