package app.duet.query.faults;

import app.duet.query.live.ViewPublisher;
import app.duet.query.support.FaultyLink;
import app.duet.query.support.ProductOnH2;
import app.duet.query.support.ScreenLog;
import app.duet.query.support.StompTestClient;
import app.duet.testing.CommandClient;
import app.duet.testing.TestTokens;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The views' MongoDB cannot be reached for a while in the middle of a session: commands go on (they
 * need only the event store), the projections stop and try again instead of skipping or parking
 * events, readers get 503 with Retry-After instead of a failure, both partners' screens are told the
 * views are catching up, and once MongoDB is back everything catches up: every answered bid in the
 * view exactly once, and no screen ever shown a step back.
 */
class MongoOutageTest {

    private static final int BIDS = 240;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theViewsCatchUpWithoutAGapAfterTheirMongoWasAway() throws Exception {
        String alex = UUID.randomUUID().toString();
        String sam = UUID.randomUUID().toString();
        MongoServer mongo = new MongoServer(new MemoryBackend());
        mongo.bind("127.0.0.1", 0);
        InetSocketAddress address = mongo.getLocalAddress();
        try (ProductOnH2 product = ProductOnH2.start("duet.access.commands-per-second=10000", "duet.access.command-burst=10000");
             FaultyLink link = FaultyLink.to(address.getPort());
             ConfigurableApplicationContext querySide = product.anotherQuerySideOnMongo("mongodb://127.0.0.1:" + link.port()
                     + "/duet?serverSelectionTimeoutMS=1000&connectTimeoutMS=1000&socketTimeoutMS=5000")) {
            CommandClient queries = new CommandClient(ProductOnH2.baseUrl(querySide), TestTokens.trusted()::partner);
            CommandClient.PairedSession paired = product.commands.pairAndJoinSession(alex, sam);
            String path = "/api/queries/sessions/" + paired.sessionId();
            String topic = ViewPublisher.SESSION_TOPIC + paired.sessionId();
            String ws = ProductOnH2.baseUrl(querySide).replace("http", "ws") + "/ws";
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> queries.get(alex, path).path("version").asLong() == 3);

            Map<String, Screen> screens = new HashMap<>();
            for (String person : List.of(alex, sam)) {
                screens.put(person, new Screen(person, StompTestClient.connect(ws, TestTokens.trusted().partner(person)), topic,
                        queries, path));
            }
            List<String> answered = new ArrayList<>();
            List<Integer> readersRefused = new ArrayList<>();
            for (int i = 0; i < BIDS; i++) {
                if (i == BIDS / 3) {
                    link.cut();
                }
                if (i == 2 * BIDS / 3) {
                    // Readers meanwhile: refused as "not now", never a failure.
                    HttpResponse<String> reading = queries.getWithToken(TestTokens.trusted().partner(alex), path);
                    readersRefused.add(reading.statusCode());
                    assertThat(reading.statusCode()).as(reading.body()).isEqualTo(503);
                    assertThat(reading.headers().firstValue("Retry-After")).isPresent();
                    link.mend();
                }
                answered.add(product.commands.post(i % 2 == 0 ? alex : sam, "/api/commands/sessions/" + paired.sessionId()
                        + "/bids", "{\"words\":\"Bid " + i + "\"}").path("bidId").asString());
            }

            long expected = 3 + BIDS;
            JsonNode view;
            try {
                view = await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                        .until(() -> queries.get(alex, path), seen -> seen.path("version").asLong() >= expected);
            } catch (org.awaitility.core.ConditionTimeoutException stuck) {
                view = queries.get(alex, path);
            }
            Map<String, Long> inView = new HashMap<>();
            for (JsonNode bid : queries.allItems(alex, path, "bids")) {
                inView.merge(bid.path("bidId").asString(), 1L, Long::sum);
            }
            long lost = answered.stream().filter(id -> !inView.containsKey(id)).count();
            long duplicated = inView.values().stream().filter(count -> count > 1).count();
            System.out.println("mongo-outage: view version " + view.path("version").asLong() + " of " + expected + ", "
                    + view.path("bids").size() + " bids, " + inView.size() + " distinct");
            assertThat(view.path("version").asLong()).isEqualTo(expected);
            for (Screen screen : screens.values()) {
                await().atMost(Duration.ofSeconds(30)).until(() -> screen.live.latestVersion(topic) == expected
                        || screen.log.lastVersion() == expected);
                // The last pushes may come before "caught-up": that notice goes out at the next check (every 200 ms).
                await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(screen.notices)
                        .as("the screen was told the views were catching up, and when they had")
                        .contains("catching-up", "caught-up"));
                screen.close();
                screen.log.assertNeverWentBack(false);
            }
            System.out.println("fault mongo-outage operations=" + answered.size() + " lost=" + lost + " duplicated=" + duplicated);
            assertThat(lost).isZero();
            assertThat(duplicated).isZero();
        } finally {
            mongo.shutdownNow();
        }
    }

    /** A partner's screen that behaves as the page does: on "caught-up" it fetches its view again. */
    private static final class Screen implements AutoCloseable {
        private final ScreenLog log;
        private final StompTestClient live;
        private final String topic;
        private final List<String> notices = new java.util.concurrent.CopyOnWriteArrayList<>();

        Screen(String person, StompTestClient live, String topic, CommandClient queries, String path) {
            this.log = new ScreenLog(person);
            this.live = live;
            this.topic = topic;
            live.onMessage(message -> {
                if (message.has("notice")) {
                    notices.add(message.path("notice").asString());
                    if (message.path("notice").asString().equals("caught-up")) {
                        java.util.concurrent.CompletableFuture.runAsync(() -> fetch(queries, person, path));
                    }
                }
            });
            log.connected();
            live.subscribe(topic);
            fetch(queries, person, path);
        }

        private void fetch(CommandClient queries, String person, String path) {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                long asked = System.nanoTime();
                HttpResponse<String> answer = queries.getWithToken(TestTokens.trusted().partner(person), path);
                if (answer.statusCode() != 200) {
                    return false;
                }
                log.fetched(asked, JSON.readTree(answer.body()).path("version").asLong());
                return true;
            });
        }

        @Override
        public void close() {
            log.pushed(live.received(), topic);
            live.close();
        }
    }
}
