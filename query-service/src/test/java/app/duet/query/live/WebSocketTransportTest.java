package app.duet.query.live;

import app.duet.query.support.ProductOnH2;
import app.duet.query.support.StompTestClient;
import app.duet.testing.CommandClient;
import app.duet.testing.TestTokens;
import jakarta.websocket.server.ServerContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.simp.broker.DefaultSubscriptionRegistry;
import org.springframework.messaging.simp.broker.SimpleBrokerMessageHandler;
import org.springframework.web.context.WebApplicationContext;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * An open STOMP connection holds small buffers and no compressor, takes frames in pieces up to its
 * limit, and is never closed for a view too large to push; who may connect and listen is unchanged.
 * The heap an idle connection costs is the bench's to show ({@code --scenario=sockets}).
 */
class WebSocketTransportTest {

    /** Small here, so that a test view can pass it; the product's is 256 KB. */
    private static final int PUSH_LIMIT = 2048;

    private static ProductOnH2 product;
    private static String alex;
    private static String coupleId;

    @BeforeAll
    static void aPairedCouple() {
        System.setProperty("duet.websocket.pushed-frame", PUSH_LIMIT + "B");
        product = ProductOnH2.start();
        alex = UUID.randomUUID().toString();
        CommandClient.PairedSession paired = product.commands.pairAndJoinSession(alex, UUID.randomUUID().toString());
        coupleId = paired.coupleId();
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> product.queries.get(alex, "/api/queries/couples/" + coupleId).path("partners").size() == 2);
    }

    @AfterAll
    static void stop() {
        product.close();
        System.clearProperty("duet.websocket.pushed-frame");
    }

    @Test
    void eachConnectionsBuffersAreTheSmallOnesConfigured() {
        ServerContainer container = (ServerContainer) ((WebApplicationContext) product.querySide).getServletContext()
                .getAttribute(ServerContainer.class.getName());
        assertThat(container.getDefaultMaxTextMessageBufferSize()).isEqualTo(1024);
        assertThat(container.getDefaultMaxBinaryMessageBufferSize()).isEqualTo(1024);
        var connector = ((TomcatWebServer) ((WebServerApplicationContext) product.querySide).getWebServer()).getTomcat().getConnector();
        assertThat(String.valueOf(connector.getProperty("socket.appReadBufSize"))).isEqualTo("4096");
        assertThat(String.valueOf(connector.getProperty("socket.appWriteBufSize"))).isEqualTo("4096");
        assertThat(String.valueOf(connector.getProperty("maxConnections"))).isEqualTo("20000");
        assertThat(System.getProperty(WebSocketTransport.TOMCAT_FRAME_BUFFER)).isEqualTo("4096");
    }

    @Test
    void theBrokerRemembersTheListenersOfManyMoreTopicsThanSpringsDefault() {
        var broker = product.querySide.getBean(SimpleBrokerMessageHandler.class);
        // Spring's default of 1,024 made every push past a few hundred couples walk every connection.
        assertThat(((DefaultSubscriptionRegistry) broker.getSubscriptionRegistry()).getCacheLimit()).isEqualTo(100_000);
    }

    @Test
    void compressionIsNotTakenUpWhenABrowserOffersIt() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", ProductOnH2.port(product.querySide))) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Protocol: v12.stomp\r\n"
                    + "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String answer = headers(socket.getInputStream());
            assertThat(answer).startsWith("HTTP/1.1 101");
            assertThat(answer.toLowerCase()).doesNotContain("permessage-deflate");
        }
    }

    @Test
    void aViewUpToTheLimitIsPushedWholeAndALargerOneBecomesANoticeOnAnOpenConnection() throws Exception {
        String topic = ViewPublisher.COUPLE_TOPIC + coupleId;
        SimpMessagingTemplate pushes = product.querySide.getBean(SimpMessagingTemplate.class);
        try (StompTestClient screen = StompTestClient.connect(product.ws, TestTokens.trusted().partner(alex))) {
            screen.subscribe(topic);
            // The subscription takes hold a moment after SUBSCRIBE: push until the first one arrives.
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                pushes.convertAndSend(topic, (Object) Map.of("version", 1, "words", "w".repeat(PUSH_LIMIT - 100)));
                return !screen.received().isEmpty();
            });
            assertThat(screen.received().get(0).body().path("words").asString()).hasSize(PUSH_LIMIT - 100);

            pushes.convertAndSend(topic, (Object) Map.of("version", 2, "words", "secret ".repeat(PUSH_LIMIT)));
            StompTestClient.Received notice = await().atMost(Duration.ofSeconds(10))
                    .until(() -> screen.received().get(screen.received().size() - 1), last -> last.isNotice());
            assertThat(notice.notice()).isEqualTo(PushSizeLimit.NOTICE);
            assertThat(notice.body().path("limit").asInt()).isEqualTo(PUSH_LIMIT);
            assertThat(notice.body().toString()).as("a notice carries no content").doesNotContain("secret");
            assertThat(screen.isShut()).as("the connection stays open").isFalse();

            pushes.convertAndSend(topic, (Object) Map.of("version", 3));
            await().atMost(Duration.ofSeconds(10)).until(() -> screen.latestVersion(topic) == 3);
        }
    }

    @Test
    void aFrameOverTheInboundLimitIsAnsweredWithAnErrorThatNamesIt() throws Exception {
        // On a loaded machine the client's own transport has been seen closed before its first frame
        // went out: that try proves nothing either way, so it is made again on a new connection.
        for (int attempt = 1; ; attempt++) {
            try (StompTestClient screen = StompTestClient.connect(product.ws, TestTokens.trusted().partner(alex))) {
                try {
                    screen.send("/app/anything", "x".repeat(20_000));
                } catch (org.springframework.messaging.MessageDeliveryException closedBeforeSending) {
                    if (attempt < 3 && screen.errors().isEmpty()) {
                        continue;
                    }
                }
                await().atMost(Duration.ofSeconds(10)).until(() -> !screen.errors().isEmpty());
                assertThat(screen.errors().get(0)).contains("8192");
                return;
            }
        }
    }

    @Test
    void noValidTokenNoConnectionAndNoListeningToAnotherCouple() throws Exception {
        assertThatThrownBy(() -> StompTestClient.connect(product.ws, null).close()).isInstanceOf(Exception.class);
        assertThatThrownBy(() -> StompTestClient.connect(product.ws, TestTokens.untrusted().partner(alex)).close())
                .isInstanceOf(Exception.class);

        String stranger = UUID.randomUUID().toString();
        product.commands.post(stranger, "/api/commands/couples", "{\"displayName\":\"Robin\"}");
        try (StompTestClient screen = StompTestClient.connect(product.ws, TestTokens.trusted().partner(stranger))) {
            screen.subscribe(ViewPublisher.COUPLE_TOPIC + coupleId);
            await().atMost(Duration.ofSeconds(10)).until(() -> !screen.errors().isEmpty() || screen.isShut());
            product.querySide.getBean(SimpMessagingTemplate.class).convertAndSend(ViewPublisher.COUPLE_TOPIC + coupleId, (Object)
                    Map.of("version", 9, "words", "only theirs"));
            assertThat(screen.received()).as("nothing of another couple's reaches a stranger").isEmpty();
        }
    }

    private static String headers(InputStream in) throws Exception {
        StringBuilder text = new StringBuilder();
        while (!text.toString().endsWith("\r\n\r\n")) {
            int next = in.read();
            if (next < 0) {
                break;
            }
            text.append((char) next);
        }
        return text.toString();
    }
}
