package app.duet.eventstore;

import app.duet.api.session.SessionEnded;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Axon's Jackson 3 mapper as Duet configures it, for events and tracking tokens alike. */
class AxonJsonTest {

    private final Jackson3Serializer json = Jackson3Serializer.builder()
            .jsonMapperBuilderCustomizer(EventStoreSchema.axonJson()).build();

    @Test
    void anAbsentValueIsLeftOutAsTheJackson2BuildStoredIt() {
        SessionEnded ended = new SessionEnded("session-1", null);

        String stored = new String(json.serialize(ended, byte[].class).getData(), StandardCharsets.UTF_8);

        assertThat(stored).contains("\"sessionId\":\"session-1\"").doesNotContain("endedBy", "null");
    }

    @Test
    void aReplayTokenIsReadBack() {
        TrackingToken replay = ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(41), null);

        SerializedObject<byte[]> stored = json.serialize(replay, byte[].class);

        assertThat((TrackingToken) json.deserialize(stored)).isEqualTo(replay);
    }

    @Test
    void onlyAxonsOwnTypesMayStandWhereATokenDeclaresAnObject() {
        TrackingToken withForeignContext = ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(41), null,
                new java.util.ArrayList<>(java.util.List.of("anything")));

        SerializedObject<byte[]> stored = json.serialize(withForeignContext, byte[].class);

        assertThatThrownBy(() -> json.deserialize(stored)).hasStackTraceContaining("java.util.ArrayList");
    }
}
