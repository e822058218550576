package app.duet.eventstore.upcasting;

import app.duet.api.pairing.CoupleCreated;
import app.duet.api.session.AnswersMarkedReady;
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

/** Events stored under a name they no longer have are read as the class that has it now. */
class MovedEventsTest {

    private final Jackson3Serializer serializer = Jackson3Serializer.builder().build();

    @Test
    void everyOldNameReadsAsTheClassThatHasItNow() {
        MovedEvents.NOW_CALLED.forEach((old, now) -> {
            List<IntermediateEventRepresentation> read = EventStoreSchema.upcasters()
                    .upcast(Stream.of(stored(old, "{}", null, Instant.now()))).toList();

            assertThat(read).as(old).singleElement().satisfies(event -> {
                assertThat(event.getType().getName()).isEqualTo(now);
                Object payload = serializer.deserialize(event.getData());
                assertThat(payload.getClass().getName()).isEqualTo(now);
            });
        });
    }

    @Test
    void aMovedEventOfAnEarlierShapeIsUpcastOnUnderItsNewName() {
        Instant happened = Instant.parse("2026-01-10T09:30:00Z");
        String revisionOne = "{\"coupleId\":\"couple-1\",\"partnerId\":\"alex\",\"displayName\":\"Alex\",\"invitationCode\":\"K7QF-2MZD\"}";

        List<IntermediateEventRepresentation> read = EventStoreSchema.upcasters()
                .upcast(Stream.of(stored("app.duet.api.couple.CoupleCreated", revisionOne, "1", happened))).toList();

        CoupleCreated created = serializer.deserialize(read.get(0).getData());
        assertThat(created).isEqualTo(new CoupleCreated("couple-1", "alex", "Alex", "K7QF-2MZD",
                Instant.parse("2026-01-17T09:30:00Z")));
    }

    @Test
    void answersSubmittedByAnEarlierBuildReadAsAnswersMarkedReady() {
        String stored = "{\"sessionId\":\"session-1\",\"step\":\"deeper-feeling\",\"partnerId\":\"alex\"}";

        List<IntermediateEventRepresentation> read = EventStoreSchema.upcasters()
                .upcast(Stream.of(stored("app.duet.api.session.AnswersSubmitted", stored, "1", Instant.now()))).toList();

        assertThat(read.get(0).getType().getRevision()).isEqualTo("1");
        AnswersMarkedReady ready = serializer.deserialize(read.get(0).getData());
        assertThat(ready).isEqualTo(new AnswersMarkedReady("session-1", "deeper-feeling", "alex"));
    }

    @Test
    void anEventUnderItsCurrentNameIsLeftAlone() {
        IntermediateEventRepresentation stored = stored(CoupleCreated.class.getName(),
                "{\"coupleId\":\"couple-1\",\"invitationExpiresAt\":\"2026-01-12T00:00:00Z\"}", "2", Instant.now());

        List<IntermediateEventRepresentation> read = EventStoreSchema.upcasters().upcast(Stream.of(stored)).toList();

        assertThat(read.get(0).getType().getName()).isEqualTo(CoupleCreated.class.getName());
        assertThat(read.get(0).getType().getRevision()).isEqualTo("2");
    }

    private IntermediateEventRepresentation stored(String type, String payload, String revision, Instant at) {
        return new InitialEventRepresentation(new GenericDomainEventEntry<>("Couple", "couple-1", 0, "event-1", at,
                type, revision, payload.getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8)), serializer);
    }
}
