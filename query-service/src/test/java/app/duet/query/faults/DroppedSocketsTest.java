package app.duet.query.faults;

import app.duet.query.live.ViewPublisher;
import app.duet.query.support.ProductOnH2;
import app.duet.query.support.ScreenLog;
import app.duet.query.support.StompTestClient;
import app.duet.testing.CommandClient;
import app.duet.testing.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Both partners' WebSocket connections drop again and again in the middle of an exercise while they
 * go on making bids. Each screen reconnects, subscribes again and fetches its view as the page does:
 * on every connection the pushes follow one another a version at a time, nothing shown is ever older
 * than what was shown before, and in the end every answered bid is in the view once.
 */
class DroppedSocketsTest {

    private static final int BIDS = 240;
    private static final int DROP_EVERY = 30;

    @Test
    void screensThatLoseTheirConnectionCatchUpWithConsecutiveVersions() throws Exception {
        String alex = UUID.randomUUID().toString();
        String sam = UUID.randomUUID().toString();
        try (ProductOnH2 product = ProductOnH2.start("duet.access.commands-per-second=10000", "duet.access.command-burst=10000")) {
            CommandClient.PairedSession paired = product.commands.pairAndJoinSession(alex, sam);
            String path = "/api/queries/sessions/" + paired.sessionId();
            String topic = ViewPublisher.SESSION_TOPIC + paired.sessionId();
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> product.queries.get(alex, path).path("version").asLong() == 3);

            Map<String, ScreenLog> logs = Map.of(alex, new ScreenLog("Alex"), sam, new ScreenLog("Sam"));
            Map<String, StompTestClient> live = new HashMap<>();
            for (String person : List.of(alex, sam)) {
                live.put(person, connect(product, person, topic, path, logs.get(person)));
            }
            List<String> answered = new ArrayList<>();
            int drops = 0;
            for (int i = 0; i < BIDS; i++) {
                if (i > 0 && i % DROP_EVERY == 0) {
                    // One partner's connection drops mid-exercise; they reconnect a moment later, after a bid went by.
                    String dropping = drops % 2 == 0 ? alex : sam;
                    StompTestClient dropped = live.remove(dropping);
                    dropped.close();
                    logs.get(dropping).pushed(dropped.received(), topic);
                    answered.add(bid(product, i % 2 == 0 ? alex : sam, paired));
                    live.put(dropping, connect(product, dropping, topic, path, logs.get(dropping)));
                    drops++;
                    continue;
                }
                answered.add(bid(product, i % 2 == 0 ? alex : sam, paired));
            }

            long expected = 3 + BIDS;
            JsonNode view = await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                    .until(() -> product.queries.get(alex, path), seen -> seen.path("version").asLong() == expected);
            Map<String, Long> inView = new HashMap<>();
            for (JsonNode bid : product.queries.allItems(alex, path, "bids")) {
                inView.merge(bid.path("bidId").asString(), 1L, Long::sum);
            }
            long lost = answered.stream().filter(id -> !inView.containsKey(id)).count();
            long duplicated = inView.values().stream().filter(count -> count > 1).count();
            for (String person : List.of(alex, sam)) {
                StompTestClient connection = live.get(person);
                await().atMost(Duration.ofSeconds(30)).until(() -> connection.latestVersion(topic) == expected);
                connection.close();
                logs.get(person).pushed(connection.received(), topic);
                logs.get(person).assertNeverWentBack(true);
                assertThat(logs.get(person).lastVersion()).isEqualTo(expected);
            }
            System.out.println("fault websocket-drop operations=" + answered.size() + " lost=" + lost
                    + " duplicated=" + duplicated + " (connections dropped: " + drops + ")");
            assertThat(lost).isZero();
            assertThat(duplicated).isZero();
        }
    }

    private static String bid(ProductOnH2 product, String partner, CommandClient.PairedSession paired) {
        return product.commands.post(partner, "/api/commands/sessions/" + paired.sessionId() + "/bids",
                "{\"words\":\"Are you with me?\"}").path("bidId").asString();
    }

    /** As the page does after every (re)connect: subscribe, then fetch the view, which brings what was missed. */
    private static StompTestClient connect(ProductOnH2 product, String person, String topic, String path, ScreenLog log)
            throws Exception {
        log.connected();
        StompTestClient connection = StompTestClient.connect(product.ws, TestTokens.trusted().partner(person));
        connection.subscribe(topic);
        long asked = System.nanoTime();
        log.fetched(asked, product.queries.get(person, path).path("version").asLong());
        return connection;
    }
}
