package app.duet.web.edge;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.SubProtocolCapable;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Stands in for query-service's /ws: greets, echoes, and closes with code 4001 when asked. Started as
 * an application of its own; not a {@code @Configuration}, so web-client's component scan passes it by.
 */
@EnableWebSocket
// Tomcat's WebSocket support comes with its servlet web server auto-configuration in Boot 4.
@ImportAutoConfiguration({TomcatServletWebServerAutoConfiguration.class, DispatcherServletAutoConfiguration.class})
class FakeQueryService extends TextWebSocketHandler implements WebSocketConfigurer, SubProtocolCapable {

    static final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    static final List<WebSocketSession> open = new CopyOnWriteArrayList<>();

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(this, "/ws");
    }

    @Override
    public List<String> getSubProtocols() {
        return List.of("v10.stomp", "v11.stomp", "v12.stomp");
    }

    @Bean
    ServletServerContainerFactoryBean container() {
        ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
        container.setMaxTextMessageBufferSize(1024 * 1024);
        return container;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) throws Exception {
        open.add(session);
        session.sendMessage(new TextMessage("hello " + session.getAcceptedProtocol()));
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) throws Exception {
        if (message.getPayload().equals("close please")) {
            session.close(new CloseStatus(4001, "asked to"));
            return;
        }
        received.add(message.getPayload());
        session.sendMessage(new TextMessage("echo " + message.getPayload()));
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        open.remove(session);
    }
}
