package app.duet.query.presence;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketTransportRegistration;

/** Puts {@link ConnectionLife} on the STOMP endpoint: it hears every socket's frames and its end. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PresenceSettings.class)
class PresenceConfiguration implements WebSocketMessageBrokerConfigurer {

    private final ConnectionLife sockets;

    PresenceConfiguration(ConnectionLife sockets) {
        this.sockets = sockets;
    }

    @Override
    public void configureClientInboundChannel(ChannelRegistration registration) {
        registration.interceptors(sockets);
    }

    @Override
    public void configureWebSocketTransport(WebSocketTransportRegistration registration) {
        registration.addDecoratorFactory(sockets);
    }
}
