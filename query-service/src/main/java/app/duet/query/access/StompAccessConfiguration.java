package app.duet.query.access;

import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketTransportRegistration;

/**
 * Puts the access rules on the STOMP endpoint the live views configure: every frame a browser sends
 * passes {@link StompAccess}, and every connection is known to {@link LiveConnections}, so ended
 * access can close it. Spring applies every broker configurer, so the endpoint needs no knowledge of these.
 */
@Configuration(proxyBeanMethods = false)
class StompAccessConfiguration implements WebSocketMessageBrokerConfigurer {

    private final StompAccess access;
    private final LiveConnections connections;

    StompAccessConfiguration(StompAccess access, LiveConnections connections) {
        this.access = access;
        this.connections = connections;
    }

    @Override
    public void configureClientInboundChannel(ChannelRegistration registration) {
        registration.interceptors(access);
    }

    @Override
    public void configureWebSocketTransport(WebSocketTransportRegistration registration) {
        registration.addDecoratorFactory(connections);
    }
}
