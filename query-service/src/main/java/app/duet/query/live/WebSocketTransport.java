package app.duet.query.live;

import jakarta.websocket.server.ServerContainer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.web.context.ServletContextAware;
import org.springframework.web.socket.WebSocketExtension;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketTransportRegistration;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;

import java.util.List;

/**
 * What an open STOMP connection costs and may carry ({@link WebSocketLimits}). Idle, each held about
 * 112 KB of heap, nearly all of it buffers sized for frames that never come: Tomcat's socket buffers,
 * its frame buffers in and out, a whole-message buffer of 8,192 chars and another of 8,192 bytes, and
 * per-message compression's buffers (with zlib's state beside the heap). Now the buffers are small and
 * frames pass through them in pieces, and compression is not offered: views are small JSON, and the
 * compressor's state per connection outweighs what it saves.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebSocketLimits.class)
class WebSocketTransport implements WebSocketMessageBrokerConfigurer {

    /** Tomcat reads it once, when its WebSocket classes first load, so it is set before the server starts. */
    static final String TOMCAT_FRAME_BUFFER = "org.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE";

    private final WebSocketLimits limits;

    WebSocketTransport(WebSocketLimits limits) {
        this.limits = limits;
    }

    @Override
    public void configureWebSocketTransport(WebSocketTransportRegistration registration) {
        registration.setMessageSizeLimit(limits.bytes(limits.inboundFrame()))
                .setSendBufferSizeLimit(limits.bytes(limits.sendBuffer()))
                .addDecoratorFactory(InPieces::new);
    }

    @Override
    public void configureClientOutboundChannel(ChannelRegistration registration) {
        registration.interceptors(new PushSizeLimit(limits.bytes(limits.pushedFrame())));
    }

    /** Offers no per-message compression, whatever the browser asks for. */
    static DefaultHandshakeHandler withoutCompression() {
        return new DefaultHandshakeHandler() {
            @Override
            protected List<WebSocketExtension> filterRequestedExtensions(ServerHttpRequest request,
                                                                         List<WebSocketExtension> requested,
                                                                         List<WebSocketExtension> supported) {
                return List.of();
            }
        };
    }

    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> smallConnectionBuffers() {
        return factory -> {
            // An operator's -D wins; a JVM whose WebSocket classes loaded earlier (tests) keeps what it had.
            if (System.getProperty(TOMCAT_FRAME_BUFFER) == null) {
                System.setProperty(TOMCAT_FRAME_BUFFER, String.valueOf(limits.bytes(limits.frameBuffer())));
            }
            String socketBuffer = String.valueOf(limits.bytes(limits.socketBuffer()));
            factory.addConnectorCustomizers(connector -> {
                connector.setProperty("socket.appReadBufSize", socketBuffer);
                connector.setProperty("socket.appWriteBufSize", socketBuffer);
            });
        };
    }

    /** The buffers a message coming in is gathered in; without a WebSocket container (a mock web environment) there are none. */
    @Bean
    ServletContextAware smallMessageBuffers() {
        return servletContext -> {
            if (servletContext.getAttribute(ServerContainer.class.getName()) instanceof ServerContainer container) {
                container.setDefaultMaxTextMessageBufferSize(limits.bytes(limits.messageBuffer()));
                container.setDefaultMaxBinaryMessageBufferSize(limits.bytes(limits.messageBuffer()));
            }
        };
    }

    /**
     * Takes a client's messages in pieces as Tomcat reads them, so its buffer need not hold a whole
     * one: the STOMP decoder joins the pieces, up to {@code inboundFrame}, and answers a larger frame
     * with an ERROR.
     */
    static final class InPieces extends WebSocketHandlerDecorator {
        InPieces(WebSocketHandler handler) {
            super(handler);
        }

        @Override
        public boolean supportsPartialMessages() {
            return true;
        }
    }
}
