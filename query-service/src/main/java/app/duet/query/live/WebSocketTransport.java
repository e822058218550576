package app.duet.query.live;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.websocket.server.ServerContainer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.web.context.ServletContextAware;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketTransportRegistration;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;

import java.util.Collections;
import java.util.Enumeration;

/**
 * What an open STOMP connection costs and may carry ({@link WebSocketLimits}). Idle, each held about
 * 112 KB of heap, nearly all of it buffers sized for frames that never come: Tomcat's socket buffers,
 * its frame buffers in and out, a whole-message buffer of 16,640 chars (raised so by Spring's STOMP
 * handler) and one of 8,192 bytes, and per-message compression's buffers (with zlib's state beside
 * the heap). Now the buffers are small and frames pass through them in pieces, and compression is not
 * offered: views are small JSON, and the compressor's state per connection outweighs what it saves.
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
                .addDecoratorFactory(handler -> new InPieces(handler, limits.bytes(limits.messageBuffer())));
    }

    @Override
    public void configureClientOutboundChannel(ChannelRegistration registration) {
        registration.interceptors(new PushSizeLimit(limits.bytes(limits.pushedFrame())));
    }

    /**
     * Hides a browser's offer of per-message compression from the handshake: Tomcat takes up any
     * extension it has installed that the request offers, whatever the endpoint lists.
     */
    @Bean
    FilterRegistrationBean<Filter> noCompressionOffered() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) ->
                chain.doFilter(new WithoutExtensions((HttpServletRequest) request), response));
        registration.addUrlPatterns(StompConfiguration.ENDPOINT);
        return registration;
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

    /** The handshake request as if it offered no extension. */
    static final class WithoutExtensions extends HttpServletRequestWrapper {
        private static final String EXTENSIONS = "Sec-WebSocket-Extensions";

        WithoutExtensions(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getHeader(String name) {
            return EXTENSIONS.equalsIgnoreCase(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return EXTENSIONS.equalsIgnoreCase(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
                    .filter(name -> !EXTENSIONS.equalsIgnoreCase(name)).toList());
        }
    }

    /**
     * Takes a client's messages in pieces as Tomcat reads them, so its buffer need not hold a whole
     * one: the STOMP decoder joins the pieces, up to {@code inboundFrame}, and answers a larger frame
     * with an ERROR.
     */
    static final class InPieces extends WebSocketHandlerDecorator {
        private final int messageBuffer;

        InPieces(WebSocketHandler handler, int messageBuffer) {
            super(handler);
            this.messageBuffer = messageBuffer;
        }

        /**
         * Spring's STOMP handler raises each session's text buffer to 16,640 chars (33 KB) so that a
         * whole frame fits; taken in pieces, none needs to: it goes back to the small one, which Tomcat
         * takes up at the next message (the CONNECT).
         */
        @Override
        public void afterConnectionEstablished(WebSocketSession session) throws Exception {
            super.afterConnectionEstablished(session);
            session.setTextMessageSizeLimit(messageBuffer);
            session.setBinaryMessageSizeLimit(messageBuffer);
        }

        @Override
        public boolean supportsPartialMessages() {
            return true;
        }
    }
}
