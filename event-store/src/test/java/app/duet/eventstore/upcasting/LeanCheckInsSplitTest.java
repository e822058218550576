package app.duet.eventstore.upcasting;

import app.duet.api.everyday.LeanCheckedIn;
import app.duet.api.exercise.Lean;
import app.duet.api.exercise.LeanRecorded;
import app.duet.eventstore.EventStoreSchema;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The one event that said two things is read as the two it was, by what it held. */
class LeanCheckInsSplitTest {

    private final Jackson3Serializer serializer = Jackson3Serializer.builder().build();

    @Test
    void aCheckInBetweenSessionsIsReadAsTheEverydayCheckIn() {
        Object read = read("Couple", "{\"coupleId\":\"couple-1\",\"checkInId\":\"c-1\",\"partnerId\":\"alex\",\"lean\":\"BACK\",\"energy\":4}");

        assertThat(read).isEqualTo(new LeanCheckedIn("couple-1", "c-1", "alex", Lean.BACK, 4));
    }

    @Test
    void aCheckInInASessionIsReadAsTheSessionsLeanEntry() {
        Object read = read("JointSession", "{\"coupleId\":\"couple-1\",\"sessionId\":\"session-1\",\"checkInId\":\"entry-7\","
                + "\"partnerId\":\"sam\",\"step\":\"lean\",\"lean\":\"IN\",\"energy\":8}");

        assertThat(read).isEqualTo(new LeanRecorded("session-1", "couple-1", "entry-7", "sam", "lean", Lean.IN, 8));
    }

    private Object read(String aggregateType, String payload) {
        IntermediateEventRepresentation stored = new InitialEventRepresentation(new GenericDomainEventEntry<>(aggregateType,
                "aggregate-1", 0, "event-1", Instant.parse("2026-03-01T10:00:00Z"), "app.duet.api.exercise.LeanCheckedIn", "1",
                payload.getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8)), serializer);
        List<IntermediateEventRepresentation> upcast = EventStoreSchema.upcasters().upcast(Stream.of(stored)).toList();
        assertThat(upcast).singleElement();
        return serializer.deserialize(upcast.get(0).getData());
    }
}
