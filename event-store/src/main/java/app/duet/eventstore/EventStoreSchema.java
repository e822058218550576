package app.duet.eventstore;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import app.duet.eventstore.privacy.DataKeys;
import app.duet.eventstore.privacy.PersonalDataSerializer;
import app.duet.eventstore.upcasting.CoupleCreatedUpcaster;
import app.duet.eventstore.upcasting.DraftWrittenUpcaster;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The event store is Axon's JDBC storage engine over tables that command-service's Flyway
 * migrations create; both services import this so they name the tables alike, and Axon's
 * auto-configuration builds the engine from it.
 */
@Configuration(proxyBeanMethods = false)
public class EventStoreSchema {

    /** The PostgreSQL channel a trigger notifies on every commit that appended events. */
    public static final String EVENTS_APPENDED_CHANNEL = "duet_events";

    @Bean
    public DataKeys dataKeys(JdbcClient jdbc) {
        return new DataKeys(jdbc);
    }

    /** Events are Jackson JSON with their personal data encrypted per couple (crypto-shredding). */
    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer(@Qualifier("messageSerializer") Serializer messageSerializer, DataKeys keys) {
        if (!(messageSerializer instanceof Jackson3Serializer jackson)) {
            throw new IllegalStateException("Duet's events are JSON: set axon.serializer.messages to jackson3");
        }
        return new PersonalDataSerializer(jackson, keys);
    }

    /** Every change of an event's shape comes with an upcaster; Axon picks up EventUpcaster beans. */
    @Bean
    public CoupleCreatedUpcaster coupleCreatedUpcaster() {
        return new CoupleCreatedUpcaster();
    }

    @Bean
    public DraftWrittenUpcaster draftWrittenUpcaster() {
        return new DraftWrittenUpcaster();
    }

    /**
     * Jackson 3 refuses, by default, any polymorphic value declared as {@code Object}; Axon's replay
     * tokens carry their reset context that way. Only Axon's own and JDK value types may appear there.
     */
    @Bean
    public Jackson3SerializerCustomizer axonPolymorphicTypes() {
        return mapper -> mapper.polymorphicTypeValidator(BasicPolymorphicTypeValidator.builder()
                .allowIfSubType("org.axonframework.")
                .allowIfSubType("java.lang.")
                .allowIfSubType("java.util.")
                .allowIfSubType("java.time.")
                .build());
    }

    @Bean
    public PersistenceExceptionResolver persistenceExceptionResolver() {
        return new UniqueViolations();
    }

    @Bean
    public EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }
}
