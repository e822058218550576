package app.duet.eventstore;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import app.duet.eventstore.privacy.DataKeys;
import app.duet.keys.ErasureLedger;
import app.duet.keys.KeyEncryptionKey;
import app.duet.keys.KeysConfiguration;
import app.duet.eventstore.privacy.PersonalDataSerializer;
import app.duet.eventstore.privacy.SealedSnapshots;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import app.duet.eventstore.upcasting.CoupleCreatedUpcaster;
import app.duet.eventstore.upcasting.DraftWrittenUpcaster;
import app.duet.eventstore.upcasting.LeanCheckInsSplit;
import app.duet.eventstore.upcasting.MovedEvents;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.serialization.Serializer;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The event store is Axon's JDBC storage engine over tables that command-service's Flyway
 * migrations create; both services import this so they name the tables alike, and Axon's
 * auto-configuration builds the engine from it.
 */
@Configuration(proxyBeanMethods = false)
@Import(KeysConfiguration.class)
public class EventStoreSchema {

    /** The PostgreSQL channel a trigger notifies on every commit that appended events. */
    public static final String EVENTS_APPENDED_CHANNEL = "duet_events";

    /** Kept in the database, wrapped by the key-encryption key, which is not ({@link KeysConfiguration}). */
    @Bean
    public DataKeys dataKeys(JdbcClient jdbc, KeyEncryptionKey wrapping, ErasureLedger ledger) {
        return new DataKeys(jdbc, wrapping, ledger);
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

    /**
     * Axon's JDBC engine as its auto-configuration would build it, but for snapshots: those are
     * sealed with the couple's key ({@link SealedSnapshots}) instead of written as plain JSON by the
     * general serializer, and only snapshots of the aggregates' current code are used.
     */
    @Bean
    public EventStorageEngine eventStorageEngine(@Qualifier("serializer") Serializer generalSerializer,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 PersistenceExceptionResolver persistenceExceptionResolver,
                                                 EventUpcasterChain eventUpcasters, ConnectionProvider connectionProvider,
                                                 TransactionManager transactionManager, EventSchema eventSchema, DataKeys keys) {
        SealedSnapshots snapshots = new SealedSnapshots(generalSerializer, keys);
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(snapshots)
                .snapshotFilter(snapshots.currentCodeOnly())
                .eventSerializer(eventSerializer)
                .upcasterChain(eventUpcasters)
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema)
                .build();
    }

    /**
     * Every change of an event's name or shape comes with an upcaster, in one chain whose order is
     * this list's: a moved event takes its new name first, so the upcasters of its shape find it.
     */
    @Bean
    public EventUpcasterChain eventUpcasters() {
        return upcasters();
    }

    /** The same chain, for code that reads stored events without Spring (tests, tools). */
    public static EventUpcasterChain upcasters() {
        return new EventUpcasterChain(new MovedEvents(), new CoupleCreatedUpcaster(), new DraftWrittenUpcaster(),
                new LeanCheckInsSplit());
    }

    /**
     * How Axon's Jackson 3 mapper writes events and tokens. Axon builds its own mapper (not Boot's)
     * and applies only the first customizer bean it finds, so everything lives in this one.
     * <ul>
     * <li>Absent values are left out, as the Jackson 2 build wrote them: the stored format stays the same.</li>
     * <li>Jackson 3 refuses any polymorphic value declared as {@code Object} unless allowed; Axon's
     * replay tokens carry their reset context that way, and only Axon's own types may appear there.</li>
     * </ul>
     */
    public static Jackson3SerializerCustomizer axonJson() {
        return mapper -> mapper
                .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
                .polymorphicTypeValidator(BasicPolymorphicTypeValidator.builder()
                        .allowIfSubType("org.axonframework.")
                        .build());
    }

    @Bean
    public Jackson3SerializerCustomizer axonJsonCustomizer() {
        return axonJson();
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
