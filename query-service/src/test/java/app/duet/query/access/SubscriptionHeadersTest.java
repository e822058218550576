package app.duet.query.access;

import app.duet.access.limits.Limits;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.List;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a page's SUBSCRIBE may carry on to the broker (through the relay, RabbitMQ): its destination,
 * id and acknowledgement mode only, never a request for a durable or named queue.
 */
class SubscriptionHeadersTest {

    private static final String REPLAY = "/topic/replays.replay-1";

    private final LiveLimits limits = new LiveLimits(Limits.inThisProcess(Duration.ofMinutes(1)), 10, Duration.ofHours(1), 50);
    private final StompAccess access = new StompAccess(null, null, null, null,
            new StaticListableBeanFactory(Map.of("owners", new SingleOwner("analyst-1"))).getBeanProvider(ReplayOwners.class), null,
            limits, new LiveConnections(limits));

    @Test
    void aSubscriptionGoesOnWithOnlyWhatItNeeds() {
        Message<?> sent = access.preSend(subscribe("analyst-1"), null);

        StompHeaderAccessor passed = MessageHeaderAccessor.getAccessor(sent, StompHeaderAccessor.class);
        assertThat(passed.toNativeHeaderMap()).containsOnlyKeys("destination", "id", "ack");
        assertThat(passed.getDestination()).isEqualTo(REPLAY);
    }

    @Test
    void anotherAnalystIsRefusedBeforeAnything() {
        assertThatThrownBy(() -> access.preSend(subscribe("analyst-2"), null))
                .hasMessageContaining("Only the analyst who started a replay");
    }

    private static Message<byte[]> subscribe(String analyst) {
        StompHeaderAccessor stomp = StompHeaderAccessor.create(StompCommand.SUBSCRIBE);
        stomp.setDestination(REPLAY);
        stomp.setSubscriptionId("sub-0");
        stomp.setNativeHeader("ack", "auto");
        stomp.setNativeHeader("durable", "true");
        stomp.setNativeHeader("auto-delete", "false");
        stomp.setNativeHeader("x-queue-name", "kept-forever");
        stomp.setNativeHeader("x-queue-type", "quorum");
        Jwt token = Jwt.withTokenValue("t").header("alg", "none").subject(analyst).claim("name", analyst).build();
        stomp.setUser(new JwtAuthenticationToken(token, List.of(new SimpleGrantedAuthority("ROLE_ANALYST"))));
        stomp.setLeaveMutable(true);
        return MessageBuilder.createMessage(new byte[0], stomp.getMessageHeaders());
    }

    private record SingleOwner(String owner) implements ReplayOwners {
        @Override
        public Optional<String> ownerOf(String replayId) {
            return Optional.of(owner);
        }
    }
}
