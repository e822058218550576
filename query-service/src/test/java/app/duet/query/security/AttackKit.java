package app.duet.query.security;

import tools.jackson.core.JacksonException;
import app.duet.api.access.Role;
import app.duet.identity.BrowserSignIn;
import app.duet.query.live.ViewPublisher;
import app.duet.query.support.Attacks;
import app.duet.query.support.ProductOnH2;
import app.duet.query.support.StompTestClient;
import app.duet.testing.CommandClient;
import app.duet.testing.TestTokens;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the security suite's attacks share: the product they attack (the issuer, command-service and
 * query-service over real HTTP and STOMP), two couples, a consented therapist and content of every
 * private kind, and the ways of attacking, each checking that the attempt is refused and that no
 * refusal carries the couple's words.
 */
final class AttackKit {

    static final String SECRET_WORDS = "the words only we two share";
    static final String NOTE = "clinical impression for the therapist alone";
    static final String CONCERN = "I do not feel safe when voices rise";
    static final String DRAFT = "a draft I am not ready to show yet";
    static final String LIST_ITEM = "a deal-breaker I keep to myself for now";
    static final String SEALED_ANSWER = "an appreciation sealed until we both answer";
    static final TestTokens ISSUER = TestTokens.trusted();

    static ProductOnH2 product;
    static CommandClient commands;
    static CommandClient queries;
    static String ws;

    static final String ALEX = UUID.randomUUID().toString();
    static final String SAM = UUID.randomUUID().toString();
    static final String ROBIN = UUID.randomUUID().toString();
    static final String KAI = UUID.randomUUID().toString();
    static final String THERAPIST = UUID.randomUUID().toString();
    static final String ANALYST = UUID.randomUUID().toString();
    static final String ADMIN = UUID.randomUUID().toString();
    static CommandClient.PairedSession coupleA;
    static String coupleAInvitationCode;

    final Attacks attacks = new Attacks();
    final String therapist = ISSUER.token(THERAPIST, Role.THERAPIST, Duration.ofMinutes(5));
    final String analyst = ISSUER.token(ANALYST, Role.ANALYST, Duration.ofMinutes(5));
    final String admin = ISSUER.token(ADMIN, Role.ADMIN, Duration.ofMinutes(5));

    /** Starts the product with two couples, a consented therapist, and content of every private kind. */
    static void start() {
        product = ProductOnH2.start("duet.access.command-burst=20", "duet.access.commands-per-second=2");
        commands = product.commands;
        queries = product.queries;
        ws = product.ws;

        JsonOf couple = new JsonOf(commands.post(ALEX, "/api/commands/couples", "{\"displayName\":\"Alex\"}").toString());
        coupleAInvitationCode = couple.field("invitationCode");
        coupleA = pairedSessionOf(couple.field("coupleId"), coupleAInvitationCode);
        commands.post(ALEX, sessionPath() + "/bids", "{\"words\":\"" + SECRET_WORDS + "\"}");
        JsonOf other = new JsonOf(commands.post(ROBIN, "/api/commands/couples", "{\"displayName\":\"Robin\"}").toString());
        commands.post(KAI, "/api/commands/couples/join",
                "{\"invitationCode\":\"" + other.field("invitationCode") + "\",\"displayName\":\"Kai\"}");
        commands.post(ALEX, "/api/commands/couples/" + coupleA.coupleId() + "/therapists",
                "{\"therapistCode\":\"" + THERAPIST + "\",\"therapistName\":\"Dr. Lee\"}");
        commands.post(SAM, "/api/commands/couples/" + coupleA.coupleId() + "/therapists/" + THERAPIST + "/consent", null);
        String therapist = ISSUER.token(THERAPIST, Role.THERAPIST, Duration.ofMinutes(5));
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() ->
                queries.getAs(therapist, "/api/queries/sessions/" + coupleA.sessionId()).body().contains(SECRET_WORDS));
        assertThat(commands.sendWithToken(therapist, "/api/commands/couples/" + coupleA.coupleId() + "/notes",
                "{\"text\":\"" + NOTE + "\"}").statusCode()).isEqualTo(201);
        commands.post(SAM, "/api/commands/couples/" + coupleA.coupleId() + "/safety-concerns", "{\"words\":\"" + CONCERN + "\"}");
        assertThat(commands.sendPut(ALEX, sessionPath() + "/entries/entry-1", "{\"text\":\"" + DRAFT + "\"}").statusCode())
                .isEqualTo(204);
        commands.post(ALEX, "/api/commands/couples/" + coupleA.coupleId() + "/lists",
                "{\"list\":\"DEAL_BREAKER\",\"words\":\"" + LIST_ITEM + "\"}");
        assertThat(commands.sendPut(SAM, sessionPath() + "/entries/appreciation-1",
                "{\"step\":\"appreciation\",\"text\":\"" + SEALED_ANSWER + "\"}").statusCode()).isEqualTo(204);
        commands.post(SAM, sessionPath() + "/steps/appreciation/ready", null);
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() ->
                queries.getAs(ISSUER.partner(ALEX), "/api/queries/couples/" + coupleA.coupleId() + "/my-list").body().contains(LIST_ITEM)
                        && queries.getAs(ISSUER.partner(SAM), "/api/queries/sessions/" + coupleA.sessionId() + "/my-drafts").body().contains(SEALED_ANSWER)
                        && queries.getAs(therapist, "/api/queries/couples/" + coupleA.coupleId() + "/safety-concerns").body().contains(CONCERN)
                        && queries.getAs(therapist, "/api/queries/couples/" + coupleA.coupleId() + "/notes").body().contains(NOTE)
                        && queries.getAs(ISSUER.partner(ALEX), "/api/queries/sessions/" + coupleA.sessionId() + "/my-drafts")
                        .body().contains(DRAFT));
    }

    private static CommandClient.PairedSession pairedSessionOf(String coupleId, String code) {
        commands.post(SAM, "/api/commands/couples/join", "{\"invitationCode\":\"" + code + "\",\"displayName\":\"Sam\"}");
        String sessionId = new JsonOf(commands.post(ALEX, "/api/commands/couples/" + coupleId + "/sessions",
                "{\"exercise\":\"CHECK_IN\"}").toString()).field("sessionId");
        commands.post(ALEX, "/api/commands/sessions/" + sessionId + "/join", null);
        commands.post(SAM, "/api/commands/sessions/" + sessionId + "/join", null);
        return new CommandClient.PairedSession(coupleId, sessionId);
    }

    void refusedCommand(String name, String person, String path, String body, int status) {
        attack(name, () -> {
            HttpResponse<String> answer = commands.send(person, path, body);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
            assertThat(answer.body()).doesNotContain(SECRET_WORDS);
        });
    }

    void refusedAs(String name, String bearer, String path, String body, int status) {
        attack(name, () -> {
            HttpResponse<String> answer = commands.sendWithToken(bearer, path, body);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        });
    }

    void refusedPut(String name, String person, String path, String body, int status) {
        attack(name, () -> {
            HttpResponse<String> answer = commands.sendPut(person, path, body);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
            assertThat(answer.body()).doesNotContain(SECRET_WORDS);
        });
    }

    static String otherTherapist() {
        return ISSUER.token(UUID.randomUUID().toString(), Role.THERAPIST, Duration.ofMinutes(5));
    }

    void refusedTokenCommand(String name, String bearer) {
        attack(name, () -> assertThat(commands.sendWithToken(bearer, sessionPath() + "/bids", "{\"words\":\"x\"}")
                .statusCode()).isEqualTo(401));
    }

    void refusedRoleCommand(String name, String bearer, String path, String body) {
        attack(name, () -> assertThat(commands.sendWithToken(bearer, path, body).statusCode()).isEqualTo(403));
    }

    void refusedRead(String name, String bearer, String path, int status) {
        attack(name, () -> {
            HttpResponse<String> answer = queries.getWithToken(bearer, path);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
            assertThat(answer.body()).doesNotContain(SECRET_WORDS, "Alex", NOTE, CONCERN);
        });
    }

    void refusedConnect(String name, String bearer) {
        attack(name, () -> {
            try (StompTestClient screen = StompTestClient.connect(ws, bearer)) {
                throw new AssertionError("CONNECT was accepted: " + screen.errors());
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException refused) {
                // the server answered CONNECT with an ERROR frame and closed the connection
            }
        });
    }

    void refusedSubscription(String name, String bearer, String topic) {
        attack(name, () -> {
            try (StompTestClient screen = StompTestClient.connect(ws, bearer)) {
                screen.subscribe(topic);
                await().atMost(Duration.ofSeconds(10)).until(() -> !screen.errors().isEmpty() || screen.isShut());
                commands.post(SAM, sessionPath() + "/join", null);
                assertThat(screen.received()).isEmpty();
                assertThat(screen.errors()).as("the ERROR frame says why").allMatch(error -> !error.contains("ExecutorSubscribableChannel"));
            }
        });
    }

    void refusedFrame(String name, String destination, String text) {
        attack(name, () -> {
            try (StompTestClient screen = StompTestClient.connect(ws, ISSUER.partner(ALEX))) {
                try {
                    screen.send(destination, text);
                } catch (RuntimeException closedWhileSending) {
                    // the server may close the connection before the client has finished writing
                }
                await().atMost(Duration.ofSeconds(10)).until(() -> !screen.errors().isEmpty() || screen.isShut());
            }
        });
    }

    void refusedFlood(String name) {
        attack(name, () -> {
            String flooder = UUID.randomUUID().toString();
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                statuses.add(commands.send(flooder, "/api/commands/couples", "{\"displayName\":\"\"}").statusCode());
            }
            assertThat(statuses).contains(429);
        });
    }

    void refusedPasswordGuessing(String name) {
        attack(name, () -> {
            BrowserSignIn browser = new BrowserSignIn(ProductOnH2.baseUrl(product.identity));
            String email = "guessed-" + UUID.randomUUID() + "@duet.test";
            browser.signUp(email, "the real long password", "Guessed", "PARTNER");
            for (int i = 0; i < 5; i++) {
                browser.postSignInForm(email, "guess " + i, "application/json");
            }
            assertThat(browser.postSignInForm(email, "the real long password", "application/json").statusCode())
                    .isEqualTo(429);
        });
    }

    void attack(String name, Attacks.Attempt attempt) {
        attacks.attack(name, attempt);
    }

    /** The attacks that follow count towards this class, printed as a line of its own. */
    void inClass(String name) {
        attacks.inClass(name);
    }

    static String couplePath() {
        return "/api/queries/couples/" + coupleA.coupleId();
    }

    static String sessionPath() {
        return "/api/commands/sessions/" + coupleA.sessionId();
    }

    static String sessionTopic() {
        return ViewPublisher.SESSION_TOPIC + coupleA.sessionId();
    }

    /** Reads one text field of a JSON answer. */
    record JsonOf(String json) {
        String field(String name) {
            try {
                return new tools.jackson.databind.ObjectMapper().readTree(json).get(name).asString();
            } catch (JacksonException unreadable) {
                throw new AssertionError(unreadable);
            }
        }
    }

    static void stop() {
        product.close();
    }
}
