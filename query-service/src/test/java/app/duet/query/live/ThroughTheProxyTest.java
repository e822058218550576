package app.duet.query.live;

import app.duet.query.support.ProductOnH2;
import app.duet.query.support.StompTestClient;
import app.duet.testing.CommandClient;
import app.duet.testing.NginxProxy;
import app.duet.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The real services behind compose's proxy (ops/nginx/routes.conf, run from Debian's nginx): commands,
 * views and the STOMP connection all go through it, as a browser's do, and a push still reaches the
 * other partner, and only them.
 */
class ThroughTheProxyTest {

    @Test
    void aBidMadeThroughTheProxyIsPushedToThePartnersScreenThroughItAndToNoOneElse() throws Exception {
        String alex = UUID.randomUUID().toString();
        String sam = UUID.randomUUID().toString();
        String stranger = UUID.randomUUID().toString();
        try (ProductOnH2 product = ProductOnH2.start();
             NginxProxy proxy = NginxProxy.start(NginxProxy.Upstreams.none()
                     .withCommandService(ProductOnH2.baseUrl(product.commandSide))
                     .withQueryService(ProductOnH2.baseUrl(product.querySide))
                     .withIdentity(ProductOnH2.baseUrl(product.identity)))) {
            CommandClient browser = new CommandClient(proxy.baseUrl(), TestTokens.trusted()::partner);
            CommandClient.PairedSession paired = browser.pairAndJoinSession(alex, sam);
            String path = "/api/queries/sessions/" + paired.sessionId();
            String topic = ViewPublisher.SESSION_TOPIC + paired.sessionId();
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> browser.get(sam, path).path("version").asLong() == 3);

            try (StompTestClient samsScreen = StompTestClient.connect(proxy.webSocketUrl(), TestTokens.trusted().partner(sam));
                 StompTestClient strangersScreen = StompTestClient.connect(proxy.webSocketUrl(),
                         TestTokens.trusted().partner(stranger))) {
                samsScreen.subscribe(topic);
                strangersScreen.subscribe(topic);
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> !strangersScreen.errors().isEmpty() || strangersScreen.isShut());

                String bidId = browser.post(alex, "/api/commands/sessions/" + paired.sessionId() + "/bids",
                        "{\"words\":\"Are you with me?\"}").path("bidId").asString();

                await().atMost(Duration.ofSeconds(30)).until(() -> samsScreen.latestVersion(topic) == 4);
                assertThat(samsScreen.pushedView().toString()).contains(bidId);
                assertThat(samsScreen.errors()).isEmpty();
                assertThat(strangersScreen.received()).isEmpty();
            }
        }
    }
}
