package app.duet.query.live;

import app.duet.query.support.Opened;
import app.duet.query.support.ProductOnH2;
import app.duet.query.QueryServiceApplication;
import app.duet.testing.CommandClient;
import app.duet.testing.PostgresTestDatabase;
import app.duet.testing.TestTokens;
import app.duet.query.support.StompTestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * command-service and query-service as two separate Spring applications on one PostgreSQL event
 * store, with two partners' STOMP clients. The query side's unprompted poll is set to a minute, so
 * every push that arrives within the test's bounds was woken by the database's notification.
 * Prints how long command → push took.
 */
class FreshnessAcrossServicesTest {

    private static final int MEASURED_COMMANDS = 240;

    private final Opened opened = new Opened();

    @Test
    void everyBidReachesBothPartnersAsSoonAsItIsStored() throws Exception {
        PostgresTestDatabase database = opened.open(PostgresTestDatabase.freshSchemaOrSkip());
        ConfigurableApplicationContext commandSide = opened.open(Opened.commandServiceOn(database));
        ConfigurableApplicationContext querySide = opened.open(new SpringApplicationBuilder(QueryServiceApplication.class)
                .run(Opened.serviceArguments(database.springProperties(), "spring.config.name=query-service", "duet.mongo.embedded=true",
                        "spring.flyway.enabled=false", "duet.projections.fallback-poll=60s")));
        CommandClient commands = new CommandClient("http://localhost:" + ProductOnH2.port(commandSide));
        String alex = UUID.randomUUID().toString();
        String sam = UUID.randomUUID().toString();
        CommandClient.PairedSession paired = commands.pairAndJoinSession(alex, sam);

        String topic = ViewPublisher.SESSION_TOPIC + paired.sessionId();
        String wsUrl = "ws://localhost:" + ProductOnH2.port(querySide) + "/ws";
        StompTestClient alexScreen = opened.open(StompTestClient.connect(wsUrl, TestTokens.trusted().partner(alex)));
        StompTestClient samScreen = opened.open(StompTestClient.connect(wsUrl, TestTokens.trusted().partner(sam)));
        alexScreen.subscribe(topic);
        samScreen.subscribe(topic);
        warmUpUntilBothScreensReceive(commands, paired, alex, topic, alexScreen, samScreen);
        CommandClient views = new CommandClient("http://localhost:" + ProductOnH2.port(querySide));
        long settledVersion = await().atMost(Duration.ofSeconds(10)).until(() -> {
            long stored = views.get(alex, "/api/queries/sessions/" + paired.sessionId()).get("version").asLong();
            return alexScreen.latestVersion(topic) == stored && samScreen.latestVersion(topic) == stored ? stored : -1;
        }, version -> version > 0);

        List<Long> latenciesMicros = new ArrayList<>();
        for (int i = 0; i < MEASURED_COMMANDS; i++) {
            String bidder = i % 2 == 0 ? alex : sam;
            long expectedVersion = settledVersion + i + 1;
            commands.post(bidder, "/api/commands/sessions/" + paired.sessionId() + "/bids",
                    "{\"words\":\"bid " + i + "\"}");
            long returned = System.nanoTime();
            for (StompTestClient screen : List.of(alexScreen, samScreen)) {
                StompTestClient.Received push = await()
                        .alias("push of version " + expectedVersion + " (bid " + i + ")")
                        .atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(1))
                        .until(() -> screen.firstWithVersion(topic, expectedVersion), java.util.Optional::isPresent)
                        .orElseThrow();
                assertThat(push.body().path("changes").findValuesAsString("words")).contains("bid " + i);
                latenciesMicros.add(Math.max(0, push.receivedNanos() - returned) / 1_000);
            }
        }

        Collections.sort(latenciesMicros);
        System.out.printf("command -> push across services, %d commands, %d pushes: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                MEASURED_COMMANDS, latenciesMicros.size(), percentile(latenciesMicros, 50) / 1000.0,
                percentile(latenciesMicros, 99) / 1000.0, latenciesMicros.get(latenciesMicros.size() - 1) / 1000.0);
        assertThat(latenciesMicros).hasSize(2 * MEASURED_COMMANDS);

        String metrics = views.getText("/actuator/prometheus");
        assertThat(metrics).containsPattern("duet_projection_delay_seconds_count\\{[^}]*processor=\"live-views\"")
                .containsPattern("duet_projection_lag_seconds\\{[^}]*processor=\"live-views\"")
                .containsPattern("duet_websocket_connections\\{[^}]*\\} 2\\.0")
                .containsPattern("duet_live_sessions\\{[^}]*\\} 1\\.0");
        // Axon's per-message meters around every event and processor are read by nothing: not built.
        assertThat(metrics).doesNotContainPattern("(?m)^(eventProcessor|eventStore|queryBus|queryUpdateEmitter)_");
    }

    /** The broker takes a subscription asynchronously: bid until both screens have heard one push. */
    private static void warmUpUntilBothScreensReceive(CommandClient commands, CommandClient.PairedSession paired,
                                                      String bidder, String topic, StompTestClient... screens) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            commands.post(bidder, "/api/commands/sessions/" + paired.sessionId() + "/bids", "{\"words\":\"warm-up\"}");
            return Stream.of(screens).allMatch(screen -> screen.latestVersion(topic) > 0);
        });
    }

    private static long percentile(List<Long> sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index));
    }




    @AfterEach
    void closeWhatWasOpened() throws Exception {
        opened.close();
    }
}
