package app.duet.query.events;

import app.duet.keys.TestKeys;
import app.duet.api.AggregateType;
import app.duet.eventstore.privacy.DataKeys;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.Segment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** A couple's events and all its sessions' events share one sequence, so one segment applies them in order. */
class ByCoupleTest {

    private DataKeys keys;
    private ByCouple byCouple;

    @BeforeEach
    void keysOnH2() {
        DriverManagerDataSource database = new DriverManagerDataSource(
                "jdbc:h2:mem:by-couple-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL", "sa", "");
        new ResourceDatabasePopulator(new ClassPathResource("db/migration/common/V4__data_keys.sql"),
                new ClassPathResource("db/migration/common/V12__wrapped_data_keys.sql")).execute(database);
        keys = new DataKeys(JdbcClient.create(database), TestKeys.wrapping(), TestKeys.ledger());
        byCouple = new ByCouple(keys);
    }

    @Test
    void aCouplesSessionsFollowTheCoupleAndOtherCouplesSpreadOverTheSegments() {
        keys.link("session-1", "couple-a");
        keys.link("session-2", "couple-a");
        keys.link("session-3", "couple-b");

        assertThat(byCouple.getSequenceIdentifierFor(event(AggregateType.COUPLE, "couple-a"))).isEqualTo("couple-a");
        assertThat(byCouple.getSequenceIdentifierFor(event(AggregateType.JOINT_SESSION, "session-1"))).isEqualTo("couple-a");
        assertThat(byCouple.getSequenceIdentifierFor(event(AggregateType.JOINT_SESSION, "session-2"))).isEqualTo("couple-a");
        assertThat(byCouple.getSequenceIdentifierFor(event(AggregateType.JOINT_SESSION, "session-3"))).isEqualTo("couple-b");

        // Segments take sequences by hash: many couples land in every one of four segments.
        Segment[] segments = Segment.splitBalanced(Segment.ROOT_SEGMENT, 3).toArray(Segment[]::new);
        IntStream.range(0, segments.length).forEach(i -> assertThat(IntStream.range(0, 200)
                .mapToObj(n -> byCouple.getSequenceIdentifierFor(event(AggregateType.COUPLE, "couple-" + n)))
                .anyMatch(sequence -> segments[i].matches(sequence))).as("segment %d gets couples", i).isTrue());
    }

    @Test
    void aSessionWithoutALinkKeepsItsOwnOrderAndAMessageOutsideAnyAggregateItsOwn() {
        assertThat(byCouple.getSequenceIdentifierFor(event(AggregateType.JOINT_SESSION, "unlinked"))).isEqualTo("unlinked");
        GenericEventMessage<String> loose = new GenericEventMessage<>("no aggregate");
        assertThat(byCouple.getSequenceIdentifierFor(loose)).isEqualTo(loose.getIdentifier());
    }

    private static GenericDomainEventMessage<String> event(AggregateType type, String aggregateId) {
        return new GenericDomainEventMessage<>(type.typeName(), aggregateId, 0, "payload");
    }
}
