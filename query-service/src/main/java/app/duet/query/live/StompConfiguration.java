package app.duet.query.live;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.web.socket.messaging.StompSubProtocolErrorHandler;
import org.springframework.web.socket.config.annotation.EnableWebSocketMessageBroker;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import java.time.Duration;

/**
 * STOMP over a plain WebSocket at /ws. One instance uses the in-memory broker; several instances
 * relay to RabbitMQ's STOMP plugin, so a partner connected to one sees what another projected. Who
 * may connect and listen is the access package's to say: it adds its guard to this endpoint. What a
 * connection may carry and hold is {@link WebSocketTransport}'s.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocketMessageBroker
@EnableConfigurationProperties(StompRelayProperties.class)
class StompConfiguration implements WebSocketMessageBrokerConfigurer {

    static final String ENDPOINT = "/ws";
    /** How often the server beats to a page that asks: enough for a page to notice a dead server. */
    private static final long SERVER_BEAT_MILLIS = 10_000;

    private final StompRelayProperties relay;
    /** How often a page must send a heart-beat: a third of the time after which a silent page is dropped. */
    private final long pageBeatMillis;
    /** How many topics the in-memory broker remembers the listeners of; see {@link #configureMessageBroker}. */
    private final int topicsRemembered;

    StompConfiguration(StompRelayProperties relay, @Value("${duet.presence.drop-after:10s}") Duration dropAfter,
                       @Value("${duet.websocket.topics-remembered:100000}") int topicsRemembered) {
        this.relay = relay;
        this.pageBeatMillis = Math.max(1000, dropAfter.toMillis() / 3);
        this.topicsRemembered = topicsRemembered;
    }

    @Override
    public void registerStompEndpoints(StompEndpointRegistry registry) {
        registry.addEndpoint(ENDPOINT).setAllowedOriginPatterns("*");
        registry.setErrorHandler(new ReasonInErrorFrames());
    }

    /** An ERROR frame says why (the token is not valid, the topic is not yours), not which channel failed. */
    static class ReasonInErrorFrames extends StompSubProtocolErrorHandler {
        @Override
        public Message<byte[]> handleClientMessageProcessingError(Message<byte[]> clientMessage, Throwable failure) {
            Throwable reason = failure;
            while (reason.getCause() != null) {
                reason = reason.getCause();
            }
            StompHeaderAccessor error = StompHeaderAccessor.create(StompCommand.ERROR);
            // Colons would arrive escaped in a STOMP 1.2 header; the reason reads better without them.
            error.setMessage(String.valueOf(reason.getMessage()).replace(": ", " - ").replace(":", " "));
            error.setLeaveMutable(true);
            return MessageBuilder.createMessage(new byte[0], error.getMessageHeaders());
        }
    }

    @Override
    public void configureMessageBroker(MessageBrokerRegistry registry) {
        registry.setApplicationDestinationPrefixes("/app");
        // Each client receives the pushes in the order they were sent: a replay's frames, a view's versions.
        registry.setPreservePublishOrder(true);
        // The in-memory broker finds a topic's listeners by walking every connection's subscriptions, and
        // remembers the answer for its last 1,024 topics only. Each couple and session has topics of its own,
        // so past a few hundred couples every push walked all connections (13% of the product's CPU at 1,000
        // couples); a remembered topic costs a small map, kept up to date on each SUBSCRIBE and disconnect.
        registry.setCacheLimit(topicsRemembered);
        if (relay.enabled()) {
            registry.enableStompBrokerRelay("/topic")
                    .setRelayHost(relay.host())
                    .setRelayPort(relay.port())
                    .setVirtualHost(relay.virtualHost())
                    .setClientLogin(relay.login())
                    .setClientPasscode(relay.passcode())
                    .setSystemLogin(relay.login())
                    .setSystemPasscode(relay.passcode());
        } else {
            // Asks pages for heart-beats (RabbitMQ asks them itself when relayed), so a silent one is known.
            ThreadPoolTaskScheduler beats = new ThreadPoolTaskScheduler();
            beats.setThreadNamePrefix("stomp-heart-beats-");
            beats.setDaemon(true);
            beats.initialize();
            registry.enableSimpleBroker("/topic").setTaskScheduler(beats).setHeartbeatValue(new long[] {SERVER_BEAT_MILLIS, pageBeatMillis});
        }
    }
}
