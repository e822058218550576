package app.duet.command;

import app.duet.eventstore.upcasting.MovedEvents;
import app.duet.testing.StoredEventsFixture;
import app.duet.testing.TestTokens;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events are kept forever, so every build must read what earlier builds wrote. Each fixture holds
 * the rows an earlier build stored (events, snapshots, and the couples' data keys, since personal
 * fields are encrypted) and how that build read each event back; loaded into a fresh store, every
 * event must read the same through this build's serializer, upcasters and key handling, including
 * the erased couples' fields, which stay unreadable.
 */
@SpringBootTest(classes = CommandServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.config.name=" + CommandServiceApplication.CONFIG_NAME,
                "spring.datasource.url=jdbc:h2:mem:stored-events-of-earlier-builds;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
                "spring.datasource.username=sa",
                "spring.datasource.password="
        })
class StoredEventsOfEarlierBuildsTest {

    private static final Path FIXTURES = Path.of("src/test/resources/stored-events");

    @DynamicPropertySource
    static void trustTheTestIssuer(DynamicPropertyRegistry properties) {
        TestTokens.trusted().trustIn(properties);
    }

    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private EventStorageEngine events;

    static Stream<Path> fixtures() throws IOException {
        try (Stream<Path> files = Files.walk(FIXTURES)) {
            List<Path> found = files.filter(file -> file.toString().endsWith(".events")).sorted().toList();
            assertThat(found).as("fixtures of earlier builds").isNotEmpty();
            return found.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void everyEventAnEarlierBuildStoredReadsAsItDidThen(Path fixture) {
        StoredEventsFixture.Contents stored = StoredEventsFixture.read(fixture);
        for (int i = StoredEventsFixture.TABLES.size() - 1; i >= 0; i--) {
            jdbc.sql("DELETE FROM " + StoredEventsFixture.TABLES.get(i)).update();
        }
        StoredEventsFixture.load(jdbc, stored.rows());

        List<StoredEventsFixture.Reading> readNow;
        try (Stream<? extends TrackedEventMessage<?>> all = events.readEvents(null, false)) {
            readNow = all.map(event -> (DomainEventMessage<?>) event)
                    .map(event -> new StoredEventsFixture.Reading(event.getIdentifier(), event.getAggregateIdentifier(),
                            event.getSequenceNumber(), event.getPayloadType().getName(), String.valueOf(event.getPayload())))
                    .toList();
        }
        assertThat(readNow).as("what %s holds, read by this build", fixture.getFileName())
                .containsExactlyElementsOf(expectedNow(fixture, stored.readings()));
    }

    /**
     * An event stored at an older revision reads as its upcaster makes it: {@code NAME.upcast} beside
     * a fixture says, per event id, what this build reads, and it must keep every field the old
     * build read, adding only what the new revision introduced.
     */
    private static List<StoredEventsFixture.Reading> expectedNow(Path fixture, List<StoredEventsFixture.Reading> then) {
        Path upcastFile = fixture.resolveSibling(fixture.getFileName().toString().replace(".events", ".upcast"));
        Map<String, String> upcast = new HashMap<>();
        if (Files.exists(upcastFile)) {
            try {
                for (String line : Files.readAllLines(upcastFile)) {
                    String[] fields = line.split("\t", 2);
                    upcast.put(fields[0], fields[1]);
                }
            } catch (IOException unreadable) {
                throw new UncheckedIOException(unreadable);
            }
        }
        return then.stream().map(StoredEventsOfEarlierBuildsTest::underTodaysName).map(reading -> {
            String now = upcast.get(reading.eventId());
            if (now == null) {
                return reading;
            }
            assertThat(fieldsOf(now)).as("an upcast %s keeps what it held", reading.payloadType())
                    .containsAll(fieldsOf(reading.payload()));
            return new StoredEventsFixture.Reading(reading.eventId(), reading.aggregateId(), reading.sequence(),
                    reading.payloadType(), now);
        }).toList();
    }

    /**
     * An event moved or split since the fixture was stored reads under its new name
     * ({@link MovedEvents}), and the check-in that said two things as the one it was ({@code LeanCheckInsSplit}).
     */
    private static StoredEventsFixture.Reading underTodaysName(StoredEventsFixture.Reading then) {
        if (then.payloadType().equals("app.duet.api.exercise.LeanCheckedIn")) {
            Map<String, String> field = new java.util.LinkedHashMap<>();
            fieldsOf(then.payload()).forEach(part -> field.put(part.substring(0, part.indexOf('=')), part.substring(part.indexOf('=') + 1)));
            boolean inASession = !"null".equals(field.get("sessionId"));
            String payload = inASession
                    ? "LeanRecorded[sessionId=%s, coupleId=%s, entryId=%s, partnerId=%s, step=%s, lean=%s, energy=%s]".formatted(
                    field.get("sessionId"), field.get("coupleId"), field.get("checkInId"), field.get("partnerId"),
                    field.get("step"), field.get("lean"), field.get("energy"))
                    : "LeanCheckedIn[coupleId=%s, checkInId=%s, partnerId=%s, lean=%s, energy=%s]".formatted(
                    field.get("coupleId"), field.get("checkInId"), field.get("partnerId"), field.get("lean"), field.get("energy"));
            return new StoredEventsFixture.Reading(then.eventId(), then.aggregateId(), then.sequence(),
                    inASession ? "app.duet.api.exercise.LeanRecorded" : "app.duet.api.everyday.LeanCheckedIn", payload);
        }
        String now = MovedEvents.NOW_CALLED.getOrDefault(then.payloadType(), then.payloadType());
        String simpleNameThen = then.payloadType().substring(then.payloadType().lastIndexOf('.') + 1);
        String simpleNameNow = now.substring(now.lastIndexOf('.') + 1);
        String payload = then.payload().startsWith(simpleNameThen + "[")
                ? simpleNameNow + then.payload().substring(simpleNameThen.length()) : then.payload();
        return new StoredEventsFixture.Reading(then.eventId(), then.aggregateId(), then.sequence(), now, payload);
    }

    /** The {@code name=value} parts of a record's text, e.g. {@code displayName=Alex}. */
    private static List<String> fieldsOf(String record) {
        String inside = record.substring(record.indexOf('[') + 1, record.lastIndexOf(']'));
        return List.of(inside.split(", (?=[a-zA-Z]+=)"));
    }
}
