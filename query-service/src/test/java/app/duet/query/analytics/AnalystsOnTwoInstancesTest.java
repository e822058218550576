package app.duet.query.analytics;

import app.duet.api.access.Role;
import app.duet.query.QueryServiceApplication;
import app.duet.query.access.ReplayOwners;
import app.duet.query.events.SharedTokens;
import app.duet.query.support.InProcessMongo;
import app.duet.query.support.Opened;
import app.duet.query.support.ProductOnH2;
import app.duet.query.support.StompTestClient;
import app.duet.testing.CommandClient;
import app.duet.testing.PostgresTestDatabase;
import app.duet.testing.TestTokens;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two query-service instances on one PostgreSQL event store, one MongoDB and the RabbitMQ relay, with
 * command-service beside them: whichever instance an analyst's or operator's request lands on, a
 * rebuild, the cycle state built beside and switched to, and a replay work on both, and a replay
 * goes on from the other instance when its player stops.
 */
class AnalystsOnTwoInstancesTest {

    @RegisterExtension
    static final InProcessMongo MONGO = new InProcessMongo();
    private static final TestTokens ISSUER = TestTokens.trusted();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> LIVE_VIEWS = List.of("session_views", "session_items", "couple_overviews");

    private final Opened opened = new Opened();
    private final String analyst = ISSUER.token(UUID.randomUUID().toString(), Role.ANALYST, Duration.ofMinutes(15));
    private final String otherAnalyst = ISSUER.token(UUID.randomUUID().toString(), Role.ANALYST, Duration.ofMinutes(15));
    private PostgresTestDatabase database;
    private CommandClient commands;

    @Test
    void rebuildsTheSwitchAndReplaysWorkWhicheverInstanceIsAsked() throws Exception {
        Assumptions.assumeTrue(relayListens(), "RabbitMQ's STOMP plugin listens on 127.0.0.1:61613");
        database = opened.open(PostgresTestDatabase.freshSchemaOrSkip());
        ConfigurableApplicationContext commandSide = opened.open(Opened.commandServiceOn(database));
        commands = new CommandClient(ProductOnH2.baseUrl(commandSide));
        ConfigurableApplicationContext second = queryInstance("query-2");
        String alex = UUID.randomUUID().toString();
        String sam = UUID.randomUUID().toString();
        CommandClient.PairedSession paired = commands.pairAndJoinSession(alex, sam);
        bid(paired, alex, sam, "before");
        MongoTemplate mongo = new MongoTemplate(MONGO.client(), "duet");
        await().atMost(Duration.ofSeconds(30)).until(() -> segmentOwners(second, "live-views").contains("query-2"));
        ConfigurableApplicationContext first = queryInstance("query-1");
        Map<String, List<Document>> before = awaitSettled(mongo, paired.sessionId(), first, second);

        // A rebuild asked of the instance that holds no claim: both stop, one resets, both process again.
        assertThat(segmentOwners(second, "live-views")).as("the second instance holds claims").contains("query-2");
        assertThat(analystPost(first, "/api/queries/analytics/projections/live-views/rebuild", null).statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> caughtUp(second, "live-views") && caughtUp(first, "live-views"));
        assertThat(snapshot(mongo)).as("rebuilt whole, field by field as before").isEqualTo(before);
        // Each instance starts its processor again once it sees the reset, which may come a moment after the tokens caught up.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(Stream.of(first, second).map(instance -> processor(instance, "live-views").isRunning())).containsOnly(true));

        // The cycle state built beside on one instance and switched to on the other: both serve the new one.
        assertThat(analystPost(second, "/api/queries/analytics/projections/cycle-state/build-beside", null).statusCode())
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> caughtUp(first, "cycle-state-next"));
        assertThat(analystPost(first, "/api/queries/analytics/projections/cycle-state/switch", null).statusCode()).isEqualTo(200);
        for (ConfigurableApplicationContext instance : List.of(first, second)) {
            assertThat(status(instance, "cycle-state-next").path("serving").asBoolean()).isTrue();
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    assertThat(processor(instance, "cycle-state-next").isRunning()).as("started on both instances").isTrue());
        }

        // A replay's frames: those before the rebuild, a gap of some seconds, and the bids after it.
        String session = first.getBean(Pseudonyms.class).session(paired.sessionId());
        int beforeGap = replay(first, session, 1).path("total").asInt();
        bid(paired, alex, sam, "after");
        JsonNode prepared = replay(first, session, 1);
        String replayId = prepared.path("replayId").asString();
        int total = prepared.path("total").asInt();
        assertThat(total).isGreaterThan(beforeGap);
        playAcrossInstancesAndTakeOver(mongo, first, second, replayId, beforeGap, total);
    }

    /** Prepared on the first, listened to and controlled on the second; the first plays it, then stops. */
    private void playAcrossInstancesAndTakeOver(MongoTemplate mongo, ConfigurableApplicationContext first,
                                                ConfigurableApplicationContext second, String replayId, int beforeGap,
                                                int total) throws Exception {
        String topic = ReplayOwners.TOPIC + replayId;
        StompTestClient screen = opened.open(StompTestClient.connect(ws(second), analyst));
        StompTestClient intruder = opened.open(StompTestClient.connect(ws(second), otherAnalyst));
        screen.subscribe(topic);
        intruder.subscribe(topic);
        await().atMost(Duration.ofSeconds(10)).until(() -> !intruder.errors().isEmpty() || intruder.isShut());
        for (ConfigurableApplicationContext instance : List.of(first, second)) {
            assertThat(send(instance, otherAnalyst, replayId, "/play", null).statusCode()).as("not theirs").isEqualTo(403);
        }

        assertThat(control(second, replayId, "/play", null).path("paused").asBoolean()).isFalse();
        await().atMost(Duration.ofSeconds(20)).until(() -> indexes(screen).size() == beforeGap);
        JsonNode paused = control(first, replayId, "/pause", null);
        assertThat(paused.path("position").asInt()).as("paused in the gap").isEqualTo(beforeGap);
        JsonNode sought = control(second, replayId, "/seek", "{\"position\":" + (beforeGap - 2) + "}");
        assertThat(sought.path("position").asInt()).isEqualTo(beforeGap - 2);
        control(first, replayId, "/play", null);
        await().atMost(Duration.ofSeconds(20)).until(() -> indexes(screen).size() == beforeGap + 2);

        // The first instance plays it now, waiting out the gap: it stops, and the second goes on.
        String firstPlayer = mongo.findById(replayId, Document.class, "replays").getString("player");
        opened.forget(first);
        first.close();
        await().atMost(Duration.ofSeconds(90)).until(() -> indexes(screen).size() >= beforeGap + 2 + total - beforeGap);
        List<Integer> expected = new ArrayList<>(IntStream.range(0, beforeGap).boxed().toList());
        expected.addAll(IntStream.range(beforeGap - 2, total).boxed().toList());
        assertThat(indexes(screen)).as("every frame once, in order, from where it was sought").isEqualTo(expected);
        assertThat(mongo.findById(replayId, Document.class, "replays").getString("player")).as("taken over")
                .isNotEqualTo(firstPlayer);
        assertThat(intruder.received()).as("nothing for another analyst").isEmpty();
        assertThat(send(second, otherAnalyst, replayId, "/pause", null).statusCode()).isEqualTo(403);
    }

    private ConfigurableApplicationContext queryInstance(String name) {
        return opened.open(new SpringApplicationBuilder(QueryServiceApplication.class)
                .run(Opened.serviceArguments(database.springProperties(), "spring.config.name=query-service",
                        "spring.flyway.enabled=false", "duet.mongo.embedded=false", "spring.mongodb.uri=" + MONGO.uri("duet"),
                        "duet.stomp.relay.enabled=true", "duet.stomp.relay.host=127.0.0.1",
                        "duet.instance-id=" + name, "duet.projections.rebuild-poll=200ms",
                        "duet.projections.fallback-poll=200ms", "duet.analytics.replay-lease=2s")));
    }

    private void bid(CommandClient.PairedSession paired, String alex, String sam, String words) {
        for (int i = 0; i < 4; i++) {
            commands.post(i % 2 == 0 ? alex : sam, "/api/commands/sessions/" + paired.sessionId() + "/bids",
                    "{\"words\":\"" + words + " " + i + "\"}");
        }
    }

    /** The views once both instances see the processors at the head: the session with all its bids, the cycle state. */
    private Map<String, List<Document>> awaitSettled(MongoTemplate mongo, String sessionId,
                                                     ConfigurableApplicationContext... instances) {
        await().atMost(Duration.ofSeconds(60)).until(() -> mongo.findById(sessionId, Document.class, "session_views") != null
                && Stream.of(instances).allMatch(instance -> caughtUp(instance, "live-views") && caughtUp(instance, "cycle-state")));
        return snapshot(mongo);
    }

    private static Map<String, List<Document>> snapshot(MongoTemplate mongo) {
        Map<String, List<Document>> documents = new TreeMap<>();
        for (String collection : LIVE_VIEWS) {
            List<Document> all = new ArrayList<>(mongo.findAll(Document.class, collection));
            all.sort(Comparator.comparing(document -> String.valueOf(document.get("_id"))));
            documents.put(collection, all);
        }
        return documents;
    }

    private static List<String> segmentOwners(ConfigurableApplicationContext instance, String processor) {
        return instance.getBean(SharedTokens.class).of(processor).stream().map(SharedTokens.Segment::owner).toList();
    }

    private static EventProcessor processor(ConfigurableApplicationContext instance, String name) {
        return instance.getBean(EventProcessingConfiguration.class).eventProcessor(name).orElseThrow();
    }

    private boolean caughtUp(ConfigurableApplicationContext instance, String name) {
        JsonNode status = status(instance, name);
        return status.path("running").asBoolean() && !status.path("replaying").asBoolean() && status.path("percent").asInt() == 100;
    }

    private JsonNode status(ConfigurableApplicationContext instance, String name) {
        return StreamSupport.stream(analystGet(instance, "/api/queries/analytics/projections").spliterator(), false)
                .filter(status -> status.path("name").asString().equals(name)).findFirst().orElseThrow();
    }

    private JsonNode replay(ConfigurableApplicationContext instance, String session, double speed) {
        var answer = analystPost(instance, "/api/queries/analytics/replays", "{\"session\":\"" + session + "\",\"speed\":" + speed + "}");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        return JSON.readTree(answer.body());
    }

    private JsonNode control(ConfigurableApplicationContext instance, String replayId, String action, String body) {
        var answer = send(instance, analyst, replayId, action, body);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    private java.net.http.HttpResponse<String> send(ConfigurableApplicationContext instance, String bearer, String replayId,
                                                    String action, String body) {
        return new CommandClient(ProductOnH2.baseUrl(instance))
                .sendWithToken(bearer, "/api/queries/analytics/replays/" + replayId + action, body);
    }

    private java.net.http.HttpResponse<String> analystPost(ConfigurableApplicationContext instance, String path, String body) {
        return new CommandClient(ProductOnH2.baseUrl(instance)).sendWithToken(analyst, path, body);
    }

    private JsonNode analystGet(ConfigurableApplicationContext instance, String path) {
        return JSON.readTree(new CommandClient(ProductOnH2.baseUrl(instance)).getAs(analyst, path).body());
    }

    private static List<Integer> indexes(StompTestClient screen) {
        return screen.received().stream().map(StompTestClient.Received::body).filter(body -> body.has("index"))
                .map(body -> body.path("index").asInt()).toList();
    }

    private static String ws(ConfigurableApplicationContext instance) {
        return ProductOnH2.baseUrl(instance).replace("http", "ws") + "/ws";
    }

    private static boolean relayListens() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 61613), 1000);
            return true;
        } catch (java.io.IOException closed) {
            return false;
        }
    }

    @AfterEach
    void closeWhatWasOpened() throws Exception {
        opened.close();
    }
}
