package app.duet.query.presence;

import app.duet.api.access.Role;
import app.duet.query.live.ViewPublisher;
import app.duet.query.support.ProductOnH2;
import app.duet.query.support.StompTestClient;
import app.duet.testing.CommandClient;
import app.duet.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Presence tells the truth, on real STOMP connections: a page that closes without a goodbye (a tab
 * closed) or falls silent (a network gone) is "connection dropped" to the others within the drop
 * time, then absent; a hidden page is away, not dropped; a partner who comes back rejoins; an instance
 * that stops beating has its connections dropped by another; and a session both partners left for
 * long pauses and does not end. Nobody outside the session hears or reads any of it.
 */
class SessionPresenceTest {

    private static final TestTokens ISSUER = TestTokens.trusted();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DROP_AFTER = Duration.ofSeconds(2);
    /** How long a setup step may take on a busy shared machine: not a figure (bench/run moments measures those). */
    private static final Duration SETTLED = Duration.ofSeconds(20);
    /** A change's bound: well within what a person waits for, with room for a loaded machine. */
    private static final Duration TOLD = Duration.ofSeconds(8);
    private static ProductOnH2 product;

    @BeforeAll
    static void start() {
        product = ProductOnH2.start(
                List.of("duet.session.pause-when-left-alone-for=3s", "duet.session.left-alone-check-every=1s",
                        "db-scheduler.polling-interval=500ms"),
                List.of("duet.presence.drop-after=" + DROP_AFTER.toSeconds() + "s", "duet.presence.absent-after=3s"));
    }

    @AfterAll
    static void stop() {
        product.close();
    }

    @Test
    void aClosedTabIsDroppedThenAbsentAndRejoiningWorksWhileTheTherapistSeesItToo() throws Exception {
        String alex = UUID.randomUUID().toString();
        String sam = UUID.randomUUID().toString();
        String therapistId = UUID.randomUUID().toString();
        CommandClient.PairedSession paired = pairedAndSeen(alex, sam);
        String therapist = consentedTherapist(alex, sam, paired.coupleId(), therapistId);
        String topic = ViewPublisher.SESSION_TOPIC + paired.sessionId();

        try (StompTestClient samScreen = StompTestClient.connect(product.ws, ISSUER.partner(sam));
             StompTestClient therapistScreen = StompTestClient.connect(product.ws, therapist);
             StompTestClient outsider = StompTestClient.connect(product.ws, ISSUER.partner(UUID.randomUUID().toString()))) {
            samScreen.subscribe(topic);
            therapistScreen.subscribe(topic);
            outsider.subscribe(topic);
            WebSocket alexTab = Page.open(ISSUER.partner(alex), topic, "0,0").socket();
            awaitConnection(samScreen, alex, "HERE", SETTLED);
            awaitConnection(therapistScreen, sam, "HERE", SETTLED);
            assertThat(lastPresence(samScreen).orElseThrow().findValuesAsString("role")).contains("therapist", "partner");

            // The tab closes: the socket goes with a close frame but no STOMP goodbye.
            alexTab.sendClose(1001, "").get(5, TimeUnit.SECONDS);
            awaitConnection(samScreen, alex, "DROPPED", TOLD);
            awaitConnection(therapistScreen, alex, "DROPPED", TOLD);
            awaitConnection(samScreen, alex, "ABSENT", Duration.ofSeconds(3).plus(TOLD));
            assertThat(state(sam, paired.sessionId(), alex)).isEqualTo("ABSENT");

            // Alex comes back: joining again is answered, and the others see them here.
            assertThat(product.commands.send(alex, "/api/commands/sessions/" + paired.sessionId() + "/join", null).statusCode())
                    .isBetween(200, 299);
            WebSocket alexAgain = Page.open(ISSUER.partner(alex), topic, "0,0").socket();
            awaitConnection(samScreen, alex, "HERE", SETTLED);
            alexAgain.sendClose(1000, "").get(5, TimeUnit.SECONDS);

            // Nobody outside the couple and their therapist hears or reads who is here.
            await().atMost(Duration.ofSeconds(10)).until(() -> !outsider.errors().isEmpty() || outsider.isShut());
            assertThat(outsider.received()).isEmpty();
            assertThat(product.queries.getWithToken(ISSUER.partner(UUID.randomUUID().toString()),
                    "/api/queries/sessions/" + paired.sessionId() + "/presence").statusCode()).isIn(403, 404);
        }
    }

    @Test
    void aSilentPageIsDroppedWithinTheDropTimeAndAHiddenOneIsAwayNotDropped() throws Exception {
        String alex = UUID.randomUUID().toString();
        String sam = UUID.randomUUID().toString();
        CommandClient.PairedSession paired = pairedAndSeen(alex, sam);
        String topic = ViewPublisher.SESSION_TOPIC + paired.sessionId();
        try (StompTestClient samScreen = StompTestClient.connect(product.ws, ISSUER.partner(sam));
             StompTestClient alexPhone = StompTestClient.connect(product.ws, ISSUER.partner(alex))) {
            samScreen.subscribe(topic);
            alexPhone.subscribe(topic);
            awaitConnection(samScreen, alex, "HERE", SETTLED);

            // The phone is put aside: away. Shown again: here. Anything else a page sends is refused.
            alexPhone.send("/app/presence.away", "");
            awaitConnection(samScreen, alex, "AWAY", TOLD);
            alexPhone.send("/app/presence.here", "");
            awaitConnection(samScreen, alex, "HERE", SETTLED);
            alexPhone.send("/app/presence.away", "");
            awaitConnection(samScreen, alex, "AWAY", TOLD);

            // A second page of Alex's promises heart-beats and goes silent: only that page is dropped, and
            // Alex, still away on the phone, is shown by their best connection, never as dropped.
            Page alexLaptop = Page.open(ISSUER.partner(alex), topic, "1000,0");
            awaitConnection(samScreen, alex, "HERE", SETTLED);
            alexLaptop.closedByServer().get(DROP_AFTER.plus(TOLD).toMillis(), TimeUnit.MILLISECONDS);
            awaitConnection(samScreen, alex, "AWAY", TOLD);

            try (StompTestClient writer = StompTestClient.connect(product.ws, ISSUER.partner(alex))) {
                writer.send("/app/presence.away", "{\"note\":\"x\"}");
                await().atMost(TOLD).until(() -> !writer.errors().isEmpty() || writer.isShut());
            }
            try (StompTestClient writer = StompTestClient.connect(product.ws, ISSUER.partner(alex))) {
                writer.send("/app/sessions.end", "");
                await().atMost(TOLD).until(() -> !writer.errors().isEmpty() || writer.isShut());
            }
            assertThat(state(sam, paired.sessionId(), alex)).isEqualTo("AWAY");
        }
    }

    @Test
    void anInstanceBeatsOnceForAllItsConnectionsNotOncePerConnection() throws Exception {
        String alex = UUID.randomUUID().toString();
        String sam = UUID.randomUUID().toString();
        CommandClient.PairedSession paired = pairedAndSeen(alex, sam);
        JdbcClient db = product.querySide.getBean(JdbcClient.class);
        try (StompTestClient samScreen = StompTestClient.connect(product.ws, ISSUER.partner(sam))) {
            samScreen.subscribe(ViewPublisher.SESSION_TOPIC + paired.sessionId());
            await().atMost(SETTLED).until(() -> state(sam, paired.sessionId(), sam).equals("HERE"));
            long opened = db.sql("SELECT heard_at FROM live_connection WHERE session_id = ? AND person_id = ?")
                    .params(paired.sessionId(), sam).query(Long.class).single();
            await().atMost(SETTLED).until(() -> db.sql("SELECT MAX(heard_at) FROM instance_beat").query(Long.class).single() > opened);
            // A beat writes the instance's row, whatever the number of pages it holds, never each page's.
            assertThat(db.sql("SELECT heard_at FROM live_connection WHERE session_id = ? AND person_id = ?")
                    .params(paired.sessionId(), sam).query(Long.class).single()).isEqualTo(opened);
        }
    }

    @Test
    void connectionsOfAnInstanceThatStoppedBeatingAreDroppedByAnother() throws Exception {
        String alex = UUID.randomUUID().toString();
        String sam = UUID.randomUUID().toString();
        CommandClient.PairedSession paired = pairedAndSeen(alex, sam);
        String topic = ViewPublisher.SESSION_TOPIC + paired.sessionId();
        try (StompTestClient samScreen = StompTestClient.connect(product.ws, ISSUER.partner(sam))) {
            samScreen.subscribe(topic);
            await().atMost(SETTLED).until(() -> state(sam, paired.sessionId(), sam).equals("HERE"));
            // Alex's page was held by an instance that crashed: its row is here, and nobody beats for it.
            long lastBeat = System.currentTimeMillis() - DROP_AFTER.toMillis() - 1000;
            product.querySide.getBean(JdbcClient.class).sql("INSERT INTO live_connection (connection_id, session_id, person_id, "
                            + "person_role, instance_id, state, since, heard_at) VALUES (?, ?, ?, 'partner', 'crashed', 'here', ?, ?)")
                    .params("crashed/1/" + paired.sessionId(), paired.sessionId(), alex, lastBeat, lastBeat).update();
            awaitConnection(samScreen, alex, "DROPPED", DROP_AFTER.plus(TOLD));
        }
    }

    @Test
    void aSessionBothPartnersLeftForLongPausesAndDoesNotEnd() throws Exception {
        String alex = UUID.randomUUID().toString();
        String sam = UUID.randomUUID().toString();
        CommandClient.PairedSession paired = pairedAndSeen(alex, sam);
        String topic = ViewPublisher.SESSION_TOPIC + paired.sessionId();
        String session = "/api/queries/sessions/" + paired.sessionId();
        WebSocket alexTab = Page.open(ISSUER.partner(alex), topic, "0,0").socket();
        try (StompTestClient samScreen = StompTestClient.connect(product.ws, ISSUER.partner(sam))) {
            samScreen.subscribe(topic);
            awaitConnection(samScreen, alex, "HERE", SETTLED);
            alexTab.sendClose(1001, "").get(5, TimeUnit.SECONDS);
            awaitConnection(samScreen, alex, "DROPPED", TOLD);
            // One partner gone is not a session left alone: it runs on for the one still here.
            assertThat(product.queries.get(sam, session).path("paused").asBoolean()).isFalse();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> product.queries.get(sam, session).path("paused").asBoolean());
        JsonNode paused = product.queries.get(sam, session);
        assertThat(paused.path("status").asString()).isEqualTo("RUNNING");
        assertThat(product.commandSide.getBean(JdbcClient.class).sql("SELECT COUNT(*) FROM domain_event_entry "
                        + "WHERE aggregate_identifier = ? AND payload_type LIKE '%SessionPaused'")
                .params(paired.sessionId()).query(Long.class).single()).as("paused once, by nobody").isEqualTo(1);
        // Coming back, they resume it.
        assertThat(product.commands.send(sam, "/api/commands/sessions/" + paired.sessionId() + "/resume", null).statusCode())
                .isBetween(200, 299);
    }

    /** A couple in a session both joined, once the views know it: a subscription before that is refused. */
    private static CommandClient.PairedSession pairedAndSeen(String alex, String sam) {
        CommandClient.PairedSession paired = product.commands.pairAndJoinSession(alex, sam);
        String path = "/api/queries/sessions/" + paired.sessionId();
        await().atMost(SETTLED).ignoreExceptions().until(() -> product.queries.get(sam, path).path("version").asLong() >= 3);
        return paired;
    }

    private static String consentedTherapist(String alex, String sam, String coupleId, String therapistId) {
        String couple = "/api/commands/couples/" + coupleId;
        product.commands.post(alex, couple + "/therapists", "{\"therapistCode\":\"" + therapistId + "\",\"therapistName\":\"Dr. Lee\"}");
        product.commands.post(sam, couple + "/therapists/" + therapistId + "/consent", null);
        String therapist = ISSUER.token(therapistId, Role.THERAPIST, Duration.ofMinutes(5));
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() ->
                product.queries.getAs(therapist, "/api/queries/couples/" + coupleId).statusCode() == 200);
        return therapist;
    }

    /**
     * A browser page's socket, by hand: CONNECT (promising heart-beats or not) and SUBSCRIBE, then
     * nothing more, so the test can close it as a tab closes, or leave it silent as a lost network does.
     */
    private record Page(WebSocket socket, CompletableFuture<Integer> closedByServer) {
        static Page open(String bearer, String topic, String heartBeat) throws Exception {
            CompletableFuture<Integer> closed = new CompletableFuture<>();
            WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(URI.create(product.ws), new WebSocket.Listener() {
                        @Override
                        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                            webSocket.request(1);
                            return null;
                        }

                        @Override
                        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                            closed.complete(statusCode);
                            return null;
                        }
                    }).get(10, TimeUnit.SECONDS);
            socket.sendText("CONNECT\naccept-version:1.2\nheart-beat:" + heartBeat + "\nAuthorization:Bearer " + bearer + "\n\n\0", true)
                    .get(5, TimeUnit.SECONDS);
            socket.sendText("SUBSCRIBE\nid:sub-0\ndestination:" + topic + "\n\n\0", true).get(5, TimeUnit.SECONDS);
            return new Page(socket, closed);
        }
    }

    private static void awaitConnection(StompTestClient screen, String personId, String connection, Duration bound) {
        await().atMost(bound).until(() -> lastPresence(screen).map(presence -> connectionOf(presence, personId)).orElse("")
                .equals(connection));
    }

    private static Optional<JsonNode> lastPresence(StompTestClient screen) {
        List<StompTestClient.Received> notices = screen.received().stream().filter(r -> "presence".equals(r.notice())).toList();
        return notices.isEmpty() ? Optional.empty() : Optional.of(notices.get(notices.size() - 1).body());
    }

    private static String connectionOf(JsonNode presence, String personId) {
        for (JsonNode person : presence.path("people")) {
            if (person.path("personId").asString().equals(personId)) {
                return person.path("connection").asString();
            }
        }
        return "ABSENT";
    }

    private static String state(String reader, String sessionId, String personId) {
        return connectionOf(product.queries.get(reader, "/api/queries/sessions/" + sessionId + "/presence"), personId);
    }
}
