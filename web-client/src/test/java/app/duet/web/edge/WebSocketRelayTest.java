package app.duet.web.edge;

import jakarta.websocket.ContainerProvider;
import jakarta.websocket.WebSocketContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.handler.TextWebSocketHandler;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.config.name=web-client")
class WebSocketRelayTest {

    static final ConfigurableApplicationContext fakeQueryService = new SpringApplicationBuilder(FakeQueryService.class)
            .properties("server.port=0", "spring.config.name=fake-query-service", "spring.main.banner-mode=off")
            .run();

    @DynamicPropertySource
    static void queryService(DynamicPropertyRegistry registry) {
        registry.add("duet.edge.query-service-url",
                () -> "http://localhost:" + ((WebServerApplicationContext) fakeQueryService).getWebServer().getPort());
    }

    @AfterAll
    static void stopFakeQueryService() {
        fakeQueryService.close();
    }

    @LocalServerPort
    int port;

    final Browser browser = new Browser();

    @AfterEach
    void everyConnectionIsClosedBeforeTheNextTest() {
        await().atMost(Duration.ofSeconds(5)).until(FakeQueryService.open::isEmpty);
        FakeQueryService.received.clear();
    }

    @Test
    void textFramesTravelBothWaysUnderTheStompSubprotocol() throws Exception {
        WebSocketSession session = browser.connect(port);

        assertThat(session.getAcceptedProtocol()).isEqualTo("v12.stomp");
        assertThat(browser.received.poll(5, TimeUnit.SECONDS)).isEqualTo("hello v12.stomp");

        session.sendMessage(new TextMessage("SUBSCRIBE\ndestination:/topic/couples.c-1\n\n\0"));
        assertThat(FakeQueryService.received.poll(5, TimeUnit.SECONDS))
                .isEqualTo("SUBSCRIBE\ndestination:/topic/couples.c-1\n\n\0");
        assertThat(browser.received.poll(5, TimeUnit.SECONDS))
                .isEqualTo("echo SUBSCRIBE\ndestination:/topic/couples.c-1\n\n\0");
        session.close();
    }

    @Test
    void aWholeLongViewFitsInOneFrame() throws Exception {
        WebSocketSession session = browser.connect(port);
        browser.received.poll(5, TimeUnit.SECONDS);
        String longView = "{\"bids\":\"" + "x".repeat(200_000) + "\"}";

        session.sendMessage(new TextMessage(longView));

        assertThat(FakeQueryService.received.poll(5, TimeUnit.SECONDS)).isEqualTo(longView);
        assertThat(browser.received.poll(5, TimeUnit.SECONDS)).isEqualTo("echo " + longView);
        session.close();
    }

    @Test
    void whenQueryServiceClosesTheBrowserIsClosedWithTheSameCode() throws Exception {
        WebSocketSession session = browser.connect(port);
        browser.received.poll(5, TimeUnit.SECONDS);

        session.sendMessage(new TextMessage("close please"));

        await().atMost(Duration.ofSeconds(5)).until(() -> browser.closed != null);
        assertThat(browser.closed.getCode()).isEqualTo(4001);
    }

    @Test
    void whenTheBrowserClosesQueryServiceIsClosedToo() throws Exception {
        WebSocketSession session = browser.connect(port);
        browser.received.poll(5, TimeUnit.SECONDS);
        assertThat(FakeQueryService.open).hasSize(1);

        session.close(CloseStatus.NORMAL);

        await().atMost(Duration.ofSeconds(5)).until(FakeQueryService.open::isEmpty);
    }

    /** Stands in for the page's STOMP client; a view of a long session comes as one large frame. */
    static class Browser extends TextWebSocketHandler {
        final BlockingQueue<String> received = new LinkedBlockingQueue<>();
        volatile CloseStatus closed;

        WebSocketSession connect(int port) throws Exception {
            WebSocketHttpHeaders headers = new WebSocketHttpHeaders();
            headers.setSecWebSocketProtocol(List.of("v12.stomp", "v11.stomp", "v10.stomp"));
            WebSocketContainer container = ContainerProvider.getWebSocketContainer();
            container.setDefaultMaxTextMessageBufferSize(1024 * 1024);
            return new StandardWebSocketClient(container)
                    .execute(this, headers, URI.create("ws://localhost:" + port + "/ws"))
                    .get(5, TimeUnit.SECONDS);
        }

        @Override
        protected void handleTextMessage(WebSocketSession session, TextMessage message) {
            received.add(message.getPayload());
        }

        @Override
        public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
            closed = status;
        }
    }
}
