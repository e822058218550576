package app.duet.query.access;

import app.duet.query.live.ViewPublisher;
import app.duet.query.support.ProductOnH2;
import app.duet.query.support.StompTestClient;
import app.duet.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * At the defaults: one person holds at most 10 live connections at once (the 11th CONNECT is
 * refused, and one closed frees its place), and one connection at most 50 subscriptions (the 51st
 * SUBSCRIBE is answered with an ERROR frame that says so in words).
 */
class LiveLimitsTest {

    static ProductOnH2 product;

    @BeforeAll
    static void start() {
        product = ProductOnH2.start();
    }

    @AfterAll
    static void stop() {
        product.close();
    }

    @Test
    void theEleventhConnectionOfOnePersonIsRefusedAndAClosedOneFreesItsPlace() throws Exception {
        String bearer = TestTokens.trusted().partner("many-tabs");
        List<StompTestClient> tabs = new ArrayList<>();
        try {
            for (int tab = 0; tab < 10; tab++) {
                tabs.add(StompTestClient.connect(product.ws, bearer));
            }
            assertThatThrownBy(() -> StompTestClient.connect(product.ws, bearer))
                    .isInstanceOfAny(ExecutionException.class, TimeoutException.class);
            try (StompTestClient someoneElse = StompTestClient.connect(product.ws, TestTokens.trusted().partner("one-tab"))) {
                assertThat(someoneElse.isShut()).isFalse();
            }

            tabs.remove(0).close();
            await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                    .until(() -> tabs.add(StompTestClient.connect(product.ws, bearer)));
        } finally {
            tabs.forEach(StompTestClient::close);
        }
    }

    @Test
    void theFiftyFirstSubscriptionOnOneConnectionIsAnsweredWithAnError() throws Exception {
        try (StompTestClient page = StompTestClient.connect(product.ws, TestTokens.trusted().partner("listener"))) {
            for (int subscription = 0; subscription < 50; subscription++) {
                page.subscribe(ViewPublisher.PERSON_TOPIC + "listener");
            }
            page.subscribe(ViewPublisher.PERSON_TOPIC + "listener");

            await().atMost(Duration.ofSeconds(10)).until(() -> !page.errors().isEmpty());
            assertThat(page.errors()).hasSize(1).first().asString()
                    .contains("listens to 50 things already").doesNotContain("Exception");
        }
    }
}
