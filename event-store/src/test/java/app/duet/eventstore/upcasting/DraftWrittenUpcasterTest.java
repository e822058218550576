package app.duet.eventstore.upcasting;

import app.duet.keys.TestKeys;
import app.duet.api.pairing.CoupleCreated;
import app.duet.api.session.DraftWritten;
import app.duet.eventstore.privacy.DataKeys;
import app.duet.eventstore.privacy.PersonalDataSerializer;
import tools.jackson.databind.node.ObjectNode;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class DraftWrittenUpcasterTest {

    private final Jackson3Serializer serializer = Jackson3Serializer.builder().build();

    @Test
    void aRevisionOneDraftReadsAsRevisionTwoAmongTheSessionsNotes() {
        String revisionOne = "{\"sessionId\":\"session-1\",\"entryId\":\"entry-1\",\"authorId\":\"alex\",\"text\":\"enc:v1:abc\"}";

        List<IntermediateEventRepresentation> upcast = new DraftWrittenUpcaster()
                .upcast(Stream.of(stored(revisionOne, "1", serializer))).toList();

        assertThat(upcast).singleElement().satisfies(event -> {
            assertThat(event.getType().getRevision()).isEqualTo("2");
            DraftWritten read = serializer.deserialize(event.getData());
            assertThat(read).isEqualTo(new DraftWritten("session-1", "entry-1", "alex", "notes", "enc:v1:abc"));
        });
    }

    @Test
    void aRevisionTwoDraftIsLeftAlone() {
        String revisionTwo = "{\"sessionId\":\"session-1\",\"entryId\":\"entry-1\",\"authorId\":\"alex\","
                + "\"step\":\"cycle\",\"text\":\"enc:v1:abc\"}";

        List<IntermediateEventRepresentation> upcast = new DraftWrittenUpcaster()
                .upcast(Stream.of(stored(revisionTwo, "2", serializer))).toList();

        DraftWritten read = serializer.deserialize(upcast.get(0).getData());
        assertThat(read).isEqualTo(new DraftWritten("session-1", "entry-1", "alex", "cycle", "enc:v1:abc"));
    }

    @Test
    void anEncryptedRevisionOneDraftIsDecryptedAfterItIsUpcast() throws Exception {
        DriverManagerDataSource database = new DriverManagerDataSource(
                "jdbc:h2:mem:keys-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL", "sa", "");
        new ResourceDatabasePopulator(new ClassPathResource("db/migration/common/V4__data_keys.sql"),
                new ClassPathResource("db/migration/common/V12__wrapped_data_keys.sql")).execute(database);
        DataKeys keys = new DataKeys(JdbcClient.create(database), TestKeys.wrapping(), TestKeys.ledger());
        PersonalDataSerializer personal = new PersonalDataSerializer(Jackson3Serializer.builder().build(), keys);
        personal.serialize(new CoupleCreated("couple-1", "alex", "Alex", "CODE-0001", Instant.parse("2030-01-08T10:00:00Z")), byte[].class);
        keys.link("session-1", "couple-1");
        byte[] sealed = personal.serialize(new DraftWritten("session-1", "entry-1", "alex", "ignored", "first thought"),
                byte[].class).getData();
        ObjectNode revisionOne = (ObjectNode) serializer.getObjectMapper().readTree(sealed);
        revisionOne.remove("step");
        assertThat(revisionOne.get("text").asString()).startsWith("enc:v1:");

        List<IntermediateEventRepresentation> upcast = new DraftWrittenUpcaster()
                .upcast(Stream.of(stored(revisionOne.toString(), "1", personal))).toList();

        DraftWritten read = personal.deserialize(upcast.get(0).getData());
        assertThat(read).isEqualTo(new DraftWritten("session-1", "entry-1", "alex", "notes", "first thought"));
    }

    private IntermediateEventRepresentation stored(String payload, String revision, Serializer reader) {
        return new InitialEventRepresentation(new GenericDomainEventEntry<>("JointSession", "session-1", 0, "event-1",
                Instant.parse("2026-01-10T09:30:00Z"), DraftWritten.class.getName(), revision,
                payload.getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8)), reader);
    }
}
