package app.duet.eventstore.upcasting;

import app.duet.api.pairing.CoupleCreated;
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

class CoupleCreatedUpcasterTest {

    private final Jackson3Serializer serializer = Jackson3Serializer.builder().build();

    @Test
    void aRevisionOneEventReadsAsRevisionTwoWithAWeeksValidityFromWhenItHappened() {
        Instant happened = Instant.parse("2026-01-10T09:30:00Z");
        String revisionOne = "{\"coupleId\":\"couple-1\",\"partnerId\":\"alex\",\"displayName\":\"Alex\",\"invitationCode\":\"K7QF-2MZD\"}";

        List<IntermediateEventRepresentation> upcast = new CoupleCreatedUpcaster()
                .upcast(Stream.of(stored(revisionOne, "1", happened))).toList();

        assertThat(upcast).singleElement().satisfies(event -> {
            assertThat(event.getType().getRevision()).isEqualTo("2");
            CoupleCreated read = serializer.deserialize(event.getData());
            assertThat(read).isEqualTo(new CoupleCreated("couple-1", "alex", "Alex", "K7QF-2MZD",
                    Instant.parse("2026-01-17T09:30:00Z")));
        });
    }

    @Test
    void aRevisionTwoEventIsLeftAlone() {
        String revisionTwo = "{\"coupleId\":\"couple-1\",\"partnerId\":\"alex\",\"displayName\":\"Alex\","
                + "\"invitationCode\":\"K7QF-2MZD\",\"invitationExpiresAt\":\"2026-01-12T00:00:00Z\"}";
        IntermediateEventRepresentation stored = stored(revisionTwo, "2", Instant.parse("2026-01-10T09:30:00Z"));

        List<IntermediateEventRepresentation> upcast = new CoupleCreatedUpcaster().upcast(Stream.of(stored)).toList();

        CoupleCreated read = serializer.deserialize(upcast.get(0).getData());
        assertThat(read.invitationExpiresAt()).isEqualTo(Instant.parse("2026-01-12T00:00:00Z"));
    }

    private IntermediateEventRepresentation stored(String payload, String revision, Instant at) {
        return new InitialEventRepresentation(new GenericDomainEventEntry<>("Couple", "couple-1", 0, "event-1", at,
                CoupleCreated.class.getName(), revision, payload.getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8)), serializer);
    }
}
