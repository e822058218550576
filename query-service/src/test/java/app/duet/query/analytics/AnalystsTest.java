package app.duet.query.analytics;

import app.duet.api.access.Role;
import app.duet.query.live.ViewPublisher;
import app.duet.query.support.ProductOnH2;
import app.duet.query.support.StompTestClient;
import app.duet.testing.CommandClient;
import app.duet.testing.TestTokens;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A couple's history, told three ways: their cycle state live (pushed to them and their therapist,
 * refused to anyone else), as it stood at three instants for an analyst (rebuilt from the events,
 * leaving the live projections alone), and replayed for an analyst in order. Then the export,
 * checked for every name and word of the test's data, and every projection dropped, rebuilt and
 * compared field by field with what it was.
 */
class AnalystsTest {

    private static final TestTokens ISSUER = TestTokens.trusted();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROBIN = UUID.randomUUID().toString();
    private static final String KAI = UUID.randomUUID().toString();
    private static final String THERAPIST = UUID.randomUUID().toString();
    private static final String ANALYST = UUID.randomUUID().toString();
    private static final String OUTSIDER = UUID.randomUUID().toString();
    private static final List<String> WORDS = List.of("Robin", "Kai", "Dr. Amsel",
            "Shall we walk to the lighthouse", "Look, the first swallows", "You never ask how my day was",
            "Lonely when the door closes", "To be missed when I am gone", "Scared you will leave",
            "I go quiet because I feel I am failing you", "I want you close, not to win");

    private static ProductOnH2 product;
    private static String analyst;
    private static String therapist;

    @BeforeAll
    static void start() {
        // A phase is judged from three settled bids and a share shown from two: this history is short.
        product = ProductOnH2.start(List.of(), List.of("duet.cycle.sessions-for-phase=0", "duet.cycle.check-ins-for-phase=0",
                "duet.cycle.settled-bids-for-phase=3", "duet.cycle.minimum-for-share=2"));
        analyst = ISSUER.token(ANALYST, Role.ANALYST, Duration.ofMinutes(15));
        therapist = ProductOnH2.therapistToken(THERAPIST);
    }

    @AfterAll
    static void stop() {
        product.close();
    }

    @Test
    void aCouplesHistoryLiveAtThreeInstantsReplayedExportedAndRebuilt() throws Exception {
        CommandClient commands = product.commands;
        JsonNode opened = commands.post(ROBIN, "/api/commands/couples", "{\"displayName\":\"Robin\"}");
        String coupleId = opened.get("coupleId").asString();
        String couple = "/api/commands/couples/" + coupleId;
        commands.post(KAI, "/api/commands/couples/join", "{\"invitationCode\":\"" + opened.get("invitationCode").asString()
                + "\",\"displayName\":\"Kai\"}");
        commands.post(ROBIN, couple + "/therapists", "{\"therapistCode\":\"" + THERAPIST + "\",\"therapistName\":\"Dr. Amsel\"}");
        commands.post(KAI, couple + "/therapists/" + THERAPIST + "/consent", null);
        String cycle = "/api/queries/couples/" + coupleId + "/cycle-state";
        awaitCycle(ROBIN, cycle, state -> state.path("partners").size() == 2);
        StompTestClient robinScreen = StompTestClient.connect(product.ws, ISSUER.partner(ROBIN));
        robinScreen.subscribe(ViewPublisher.CYCLE_TOPIC + coupleId);
        StompTestClient therapistScreen = StompTestClient.connect(product.ws, therapist);
        therapistScreen.subscribe(ViewPublisher.CYCLE_TOPIC + coupleId);
        StompTestClient analystScreen = StompTestClient.connect(product.ws, analyst);
        analystScreen.subscribe(ViewPublisher.CYCLE_TOPIC + coupleId);
        Instant paired = Instant.now();

        // Between sessions: Kai turns toward two of Robin's bids; Robin turns away from Kai's.
        for (String words : List.of(WORDS.get(3), WORDS.get(4))) {
            String bid = commands.post(ROBIN, couple + "/bids", words(words)).get("bidId").asString();
            commands.post(KAI, couple + "/bids/" + bid + "/answer", "{\"response\":\"TOWARD\"}");
        }
        String kaisBid = commands.post(KAI, couple + "/bids", words(WORDS.get(5))).get("bidId").asString();
        commands.post(ROBIN, couple + "/bids/" + kaisBid + "/answer", "{\"response\":\"AWAY\"}");
        awaitCycle(ROBIN, cycle, state -> partner(state, ROBIN).path("bids").path("away").asInt() == 1);
        Instant afterBids = Instant.now();

        // A session: each names a deeper feeling and need, revealed together; then, at closeness, both turning points.
        String sessionId = commands.post(ROBIN, couple + "/sessions", "{\"exercise\":\"RESENTMENT_TO_CLOSENESS\"}")
                .get("sessionId").asString();
        String session = "/api/commands/sessions/" + sessionId;
        commands.post(ROBIN, session + "/join", null);
        commands.post(KAI, session + "/join", null);
        link(ROBIN, session, "deeper-feeling", "PRIMARY_EMOTION", WORDS.get(6));
        link(KAI, session, "deeper-feeling", "PRIMARY_EMOTION", WORDS.get(8));
        commands.post(ROBIN, session + "/steps/deeper-feeling/ready", null);
        commands.post(KAI, session + "/steps/deeper-feeling/ready", null);
        product.awaitRevealed(KAI, sessionId, "deeper-feeling");
        commands.post(KAI, session + "/step", "{\"step\":\"closeness\"}");
        commands.post(ROBIN, session + "/step", "{\"step\":\"closeness\"}");
        String reengagement = commands.post(KAI, session + "/reengagements", words(WORDS.get(9))).get("moveId").asString();
        String softening = commands.post(ROBIN, session + "/softenings", words(WORDS.get(10))).get("moveId").asString();
        awaitCycle(ROBIN, cycle, state -> !state.path("lastSoftening").isNull() && !state.path("lastSoftening").isMissingNode());
        assertThat(product.queries.get(ROBIN, cycle).path("phase").asString())
                .as("with a therapist, turning points move the phase once confirmed").isEqualTo("DE_ESCALATING");
        assertThat(commands.sendWithToken(therapist, session + "/observe", null).statusCode()).isLessThan(300);
        for (String move : List.of(reengagement, softening)) {
            assertThat(commands.sendWithToken(therapist, session + "/moves/" + move + "/confirm", null).statusCode())
                    .isEqualTo(204);
        }
        awaitCycle(ROBIN, cycle, state -> state.path("phase").asString().equals("SOFTENING"));
        Instant afterTurningPoints = Instant.now();

        // Live: the couple and their therapist see it, pushed as it changed; nobody else does.
        JsonNode live = product.queries.get(ROBIN, cycle);
        assertThat(live.path("lastReengagement").path("partnerId").asString()).isEqualTo(KAI);
        assertThat(partner(live, KAI).path("bids").path("towardShare").path("percent").asInt()).isEqualTo(100);
        assertThat(partner(live, KAI).path("bids").path("referenceBand").asString(null))
                .as("two bids leave an interval that reaches across the reference figures").isNull();
        assertThat(partner(live, ROBIN).path("bids").path("towardShare").path("percent").asString(null))
                .as("one settled bid is below the minimum").isNull();
        assertThat(live.path("reference").path("stayedTogetherPercent").asInt()).isEqualTo(86);
        for (StompTestClient watching : List.of(robinScreen, therapistScreen)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> watching.latestVersion(ViewPublisher.CYCLE_TOPIC + coupleId)
                    == live.path("version").asLong());
            watching.close();
        }
        assertThat(analystScreen.received()).as("an analyst never hears a named couple's cycle").isEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() -> !analystScreen.errors().isEmpty() || analystScreen.isShut());
        analystScreen.close();
        assertThat(product.queries.getAs(therapist, cycle).statusCode()).isEqualTo(200);
        assertThat(product.queries.getWithToken(analyst, cycle).statusCode()).as("analysts never see a named couple").isEqualTo(403);
        assertThat(product.queries.getWithToken(ISSUER.partner(OUTSIDER), cycle).statusCode()).isEqualTo(403);
        JsonNode caseload = JSON.readTree(product.queries.getAs(therapist, "/api/queries/my/caseload/overview").body());
        assertThat(caseload).singleElement().satisfies(entry -> {
            assertThat(entry.path("phase").asString()).isEqualTo("SOFTENING");
            assertThat(entry.path("trend").asString()).isEqualTo("IMPROVING");
            assertThat(entry.path("runningSessionId").asString()).isEqualTo(sessionId);
            assertThat(entry.path("lastExercise").asString()).isEqualTo("RESENTMENT_TO_CLOSENESS");
        });
        JsonNode behindToward = product.queries.get(KAI, cycle + "/evidence/bids-toward:" + KAI);
        assertThat(behindToward.findValuesAsString("type")).containsExactly("EverydayBidAnswered", "EverydayBidAnswered");

        // Time travel at three instants, pseudonymised, rebuilt from the events alone.
        String pseudonym = product.querySide.getBean(Pseudonyms.class).couple(coupleId);
        String analystCycle = "/api/queries/analytics/couples/" + pseudonym + "/cycle-state";
        long liveVersion = live.path("version").asLong();
        JsonNode atPairing = analystGet(analystCycle + "?at=" + paired);
        assertThat(atPairing.path("phase").asString()).isEqualTo("NOT_ENOUGH_YET");
        assertThat(atPairing.path("partners").findValues("toward")).allMatch(n -> n.asInt() == 0);
        JsonNode atBids = analystGet(analystCycle + "?at=" + afterBids);
        assertThat(atBids.path("phase").asString()).as("two of three bids turned toward").isEqualTo("DE_ESCALATING");
        assertThat(partner(atBids, "B").path("bids").path("towardShare").path("percent").asInt()).isEqualTo(100);
        assertThat(partner(atBids, "A").path("bids").path("away").asInt()).isEqualTo(1);
        assertThat(atBids.path("lastSoftening").isMissingNode() || atBids.path("lastSoftening").isNull()).isTrue();
        JsonNode atTurningPoints = analystGet(analystCycle + "?at=" + afterTurningPoints);
        assertThat(atTurningPoints.path("phase").asString()).isEqualTo("SOFTENING");
        assertThat(atTurningPoints.path("lastReengagement").path("partnerId").asString()).isEqualTo("B");
        assertThat(atTurningPoints.path("coupleId").asString()).isEqualTo(pseudonym);
        assertThat(product.queries.get(ROBIN, cycle).path("version").asLong())
                .as("time travel leaves the live projection alone").isEqualTo(liveVersion);
        for (JsonNode seen : List.of(atPairing, atBids, atTurningPoints)) {
            assertNothingNames(seen.toString(), coupleId, sessionId);
        }
        assertThat(product.queries.get(ROBIN, "/api/queries/couples/" + coupleId + "/reads").toString())
                .as("the couple sees that an analyst looked").contains("ANALYST", "pseudonymised cycle state as of");

        // The export and the cohort: pseudonyms and figures, no name, no word, no id.
        String csv = analystText("/api/queries/analytics/export.csv");
        String jsonLines = analystText("/api/queries/analytics/export.jsonl");
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith("couple,phase,");
        assertThat(csv).contains(pseudonym + ",SOFTENING,");
        assertThat(JSON.readTree(jsonLines.lines().filter(l -> l.contains(pseudonym)).findFirst().orElseThrow())
                .path("b_toward_percent").asInt()).isEqualTo(100);
        assertNothingNames(csv + jsonLines, coupleId, sessionId);
        JsonNode cohort = analystGet("/api/queries/analytics/cohort");
        assertThat(cohort.path("shown").asBoolean()).as("one couple is too few to show a cohort").isFalse();
        assertThat(cohort.path("couples").asString(null)).isNull();
        assertThat(product.queries.getWithToken(ISSUER.partner(ROBIN), "/api/queries/analytics/export.csv").statusCode())
                .isEqualTo(403);

        // A replay of the session, in order, with nothing of anyone's words.
        replayTheSessionInOrder(sessionId);

        // Every projection dropped, rebuilt from the events, and compared with what it was.
        rebuildEverythingAndCompare();
    }

    private void replayTheSessionInOrder(String sessionId) throws Exception {
        String sessionPseudonym = product.querySide.getBean(Pseudonyms.class).session(sessionId);
        List<String> storedTypes = product.commandSide.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql("SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = :session ORDER BY sequence_number")
                .param("session", sessionId).query(String.class).list().stream()
                .map(type -> type.substring(type.lastIndexOf('.') + 1)).toList();
        CommandClient queries = new CommandClient(ProductOnH2.baseUrl(product.querySide), id -> analyst);
        JsonNode replay = JSON.readTree(queries.sendWithToken(analyst, "/api/queries/analytics/replays",
                "{\"session\":\"" + sessionPseudonym + "\",\"speed\":50}").body());
        String replayId = replay.path("replayId").asString();
        assertThat(replay.path("total").asInt()).isEqualTo(storedTypes.size());
        assertThat(replay.path("paused").asBoolean()).isTrue();
        assertThat(queries.sendWithToken(ISSUER.partner(ROBIN), "/api/queries/analytics/replays",
                "{\"session\":\"" + sessionPseudonym + "\",\"speed\":50}").statusCode()).isEqualTo(403);
        assertThat(queries.sendWithToken(analyst, "/api/queries/analytics/replays/" + replayId + "/speed",
                "{\"speed\":51}").statusCode()).as("1x to 50x").isEqualTo(400);

        try (StompTestClient screen = StompTestClient.connect(product.ws, analyst);
             StompTestClient otherAnalyst = StompTestClient.connect(product.ws,
                     ISSUER.token(UUID.randomUUID().toString(), Role.ANALYST, Duration.ofMinutes(5)))) {
            String topic = "/topic/replays." + replayId;
            screen.subscribe(topic);
            otherAnalyst.subscribe(topic);
            await().atMost(Duration.ofSeconds(10)).until(() -> !otherAnalyst.errors().isEmpty() || otherAnalyst.isShut());
            queries.sendWithToken(analyst, "/api/queries/analytics/replays/" + replayId + "/play", null);
            await().atMost(Duration.ofSeconds(30)).until(() -> frames(screen).size() == storedTypes.size());
            List<JsonNode> frames = frames(screen);
            assertThat(frames.stream().map(f -> f.path("index").asInt()).toList()).isSorted().doesNotHaveDuplicates();
            // Answers appear when they were let out: both deeper feelings right after the reveal, not when written.
            List<String> expected = new ArrayList<>(storedTypes);
            expected.removeIf("CycleLinkRecorded"::equals);
            expected.addAll(expected.indexOf("AnswersRevealed") + 1, List.of("CycleLinkRecorded", "CycleLinkRecorded"));
            assertThat(frames.stream().map(f -> f.path("type").asString()).toList()).isEqualTo(expected);
            assertThat(frames.stream().map(f -> f.path("actor").asString()).filter(a -> !a.isEmpty() && !a.equals("null")).distinct())
                    .allMatch(actor -> actor.equals("A") || actor.equals("B") || actor.equals("therapist"));
            assertNothingNames(screen.received().toString(), sessionId, sessionId);
            await().atMost(Duration.ofSeconds(10)).until(() -> screen.received().stream()
                    .anyMatch(r -> r.body().path("finished").asBoolean()));

            // Seek back to the third frame and play on: the replay goes on from there, in order.
            int before = frames.size();
            JsonNode sought = JSON.readTree(queries.sendWithToken(analyst, "/api/queries/analytics/replays/" + replayId
                    + "/seek", "{\"position\":2}").body());
            assertThat(sought.path("position").asInt()).isEqualTo(2);
            queries.sendWithToken(analyst, "/api/queries/analytics/replays/" + replayId + "/play", null);
            await().atMost(Duration.ofSeconds(30)).until(() -> frames(screen).size() == before + storedTypes.size() - 2);
            List<Integer> again = frames(screen).subList(before, before + storedTypes.size() - 2).stream()
                    .map(f -> f.path("index").asInt()).toList();
            assertThat(again.get(0)).isEqualTo(2);
            assertThat(again).isSorted();
            JsonNode paused = JSON.readTree(queries.sendWithToken(analyst, "/api/queries/analytics/replays/" + replayId
                    + "/pause", null).body());
            assertThat(paused.path("paused").asBoolean()).isTrue();
        }
    }

    private void rebuildEverythingAndCompare() {
        MongoTemplate mongo = product.querySide.getBean(MongoTemplate.class);
        List<String> collections = List.of("session_views", "session_items", "session_names", "couple_overviews",
                "therapist_only", "cycle_states", "cycle_states_marks");
        Map<String, List<Document>> before = snapshot(mongo, collections);
        assertThat(before.get("cycle_states")).hasSize(1);
        assertThat(before.get("cycle_states_marks")).as("the cycle state's timeline and evidence, stored apart").isNotEmpty();
        CommandClient queries = new CommandClient(ProductOnH2.baseUrl(product.querySide), id -> analyst);
        for (String projection : List.of("live-views", "therapist-only", "cycle-state")) {
            assertThat(queries.sendWithToken(analyst, "/api/queries/analytics/projections/" + projection + "/rebuild", null)
                    .statusCode()).isEqualTo(202);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> caughtUp(queries, "live-views", "therapist-only", "cycle-state"));
        assertThat(snapshot(mongo, collections)).as("rebuilt from the events, field by field the same").isEqualTo(before);

        // A new version beside the serving one, then the switch: reads move over, the documents agree.
        assertThat(queries.sendWithToken(analyst, "/api/queries/analytics/projections/cycle-state/build-beside", null)
                .statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> caughtUp(queries, "cycle-state-next"));
        assertThat(queries.sendWithToken(analyst, "/api/queries/analytics/projections/cycle-state/switch", null)
                .statusCode()).isEqualTo(200);
        assertThat(snapshot(mongo, List.of("cycle_states_next")).get("cycle_states_next"))
                .isEqualTo(before.get("cycle_states"));
        assertThat(snapshot(mongo, List.of("cycle_states_next_marks")).get("cycle_states_next_marks"))
                .isEqualTo(before.get("cycle_states_marks"));
        JsonNode statuses = analystGet("/api/queries/analytics/projections");
        assertThat(StreamSupport.stream(statuses.spliterator(), false)
                .filter(s -> s.path("serving").asBoolean()).map(s -> s.path("name").asString()))
                .contains("cycle-state-next").doesNotContain("cycle-state");
        assertThat(queries.sendWithToken(ISSUER.partner(ROBIN), "/api/queries/analytics/projections/live-views/rebuild", null)
                .statusCode()).isEqualTo(403);
    }

    private static boolean caughtUp(CommandClient queries, String... names) {
        JsonNode statuses = analystGet("/api/queries/analytics/projections");
        for (String name : names) {
            JsonNode status = StreamSupport.stream(statuses.spliterator(), false)
                    .filter(s -> s.path("name").asString().equals(name)).findFirst().orElseThrow();
            if (!status.path("running").asBoolean() || status.path("replaying").asBoolean()
                    || status.path("percent").asInt() < 100) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, List<Document>> snapshot(MongoTemplate mongo, List<String> collections) {
        Map<String, List<Document>> documents = new java.util.TreeMap<>();
        for (String collection : collections) {
            List<Document> all = new ArrayList<>(mongo.findAll(Document.class, collection));
            all.sort(Comparator.comparing(document -> String.valueOf(document.get("_id"))));
            documents.put(collection, all);
        }
        return documents;
    }

    private static List<JsonNode> frames(StompTestClient screen) {
        return screen.received().stream().map(StompTestClient.Received::body).filter(body -> body.has("index")).toList();
    }

    private static void assertNothingNames(String seen, String coupleId, String sessionId) {
        assertThat(seen).doesNotContain(coupleId, sessionId, ROBIN, KAI, THERAPIST);
        for (String word : WORDS) {
            assertThat(seen).as("no name or word: " + word).doesNotContain(word);
        }
    }

    private static void link(String partner, String session, String step, String link, String words) {
        HttpResponse<String> answer = product.commands.sendPut(partner, session + "/cycle-links/" + step + "-1",
                "{\"step\":\"" + step + "\",\"link\":\"" + link + "\",\"intensity\":6,\"words\":\"" + words + "\"}");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(204);
    }

    private static void awaitCycle(String partner, String path, Predicate<JsonNode> holds) {
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> holds.test(product.queries.get(partner, path)));
    }

    private static JsonNode partner(JsonNode state, String partnerId) {
        return StreamSupport.stream(state.path("partners").spliterator(), false)
                .filter(p -> p.path("partnerId").asString().equals(partnerId)).findFirst().orElseThrow();
    }

    private static JsonNode analystGet(String path) {
        try {
            return JSON.readTree(product.queries.getAs(analyst, path).body());
        } catch (JacksonException unreadable) {
            throw new AssertionError(unreadable);
        }
    }

    private static String analystText(String path) {
        return product.queries.getAs(analyst, path).body();
    }

    private static String words(String words) {
        return "{\"words\":\"" + words + "\"}";
    }
}
