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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tries, one by one, what someone who should not see or change a couple's content would try, over
 * real HTTP and real STOMP against the issuer, command-service and query-service, and checks that
 * each attempt is refused, that nothing was stored, and that no refusal carries the couple's words.
 * Prints how many attacks it tried and how many were refused.
 */
class SecuritySuiteTest {

    private static final String SECRET_WORDS = "the words only we two share";
    private static final String NOTE = "clinical impression for the therapist alone";
    private static final String CONCERN = "I do not feel safe when voices rise";
    private static final String DRAFT = "a draft I am not ready to show yet";
    private static final String LIST_ITEM = "a deal-breaker I keep to myself for now";
    private static final String SEALED_ANSWER = "an appreciation sealed until we both answer";
    private static final TestTokens ISSUER = TestTokens.trusted();

    private static ProductOnH2 product;
    private static CommandClient commands;
    private static CommandClient queries;
    private static String ws;

    private static final String ALEX = UUID.randomUUID().toString();
    private static final String SAM = UUID.randomUUID().toString();
    private static final String ROBIN = UUID.randomUUID().toString();
    private static final String KAI = UUID.randomUUID().toString();
    private static final String THERAPIST = UUID.randomUUID().toString();
    private static final String ANALYST = UUID.randomUUID().toString();
    private static final String ADMIN = UUID.randomUUID().toString();
    private static CommandClient.PairedSession coupleA;
    private static String coupleAInvitationCode;

    private final Attacks attacks = new Attacks();

    @BeforeAll
    static void startTheProduct() {
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

    @AfterAll
    static void stopTheProduct() {
        product.close();
    }

    @Test
    void everyAttackIsRefusedAndNothingIsStoredOrLeaked() throws Exception {
        long storedBefore = product.storedEvents();
        String therapist = ISSUER.token(THERAPIST, Role.THERAPIST, Duration.ofMinutes(5));
        String analyst = ISSUER.token(ANALYST, Role.ANALYST, Duration.ofMinutes(5));
        String admin = ISSUER.token(ADMIN, Role.ADMIN, Duration.ofMinutes(5));

        // Acting in another couple.
        refusedCommand("a partner of another couple joins this couple's session", ROBIN, sessionPath() + "/join", null, 403);
        refusedCommand("a partner of another couple bids in this couple's session", ROBIN, sessionPath() + "/bids", "{\"words\":\"hi\"}", 403);
        refusedCommand("a partner of another couple starts a session for this couple", ROBIN,
                "/api/commands/couples/" + coupleA.coupleId() + "/sessions", "{\"exercise\":\"CHECK_IN\"}", 403);
        refusedCommand("a partner of another couple invites a therapist to this couple", ROBIN,
                "/api/commands/couples/" + coupleA.coupleId() + "/therapists", "{\"therapistCode\":\"" + UUID.randomUUID() + "\",\"therapistName\":\"X\"}", 403);
        refusedCommand("a partner of another couple withdraws this couple's therapist", ROBIN,
                "/api/commands/couples/" + coupleA.coupleId() + "/therapists/" + THERAPIST + "/withdraw", null, 403);
        refusedRead("a partner of another couple reads a partner's drafts", ISSUER.partner(ROBIN), "/api/queries/sessions/" + coupleA.sessionId() + "/my-drafts", 403);
        refusedRead("a partner of another couple reads this couple", ISSUER.partner(ROBIN), "/api/queries/couples/" + coupleA.coupleId(), 403);
        refusedRead("a partner of another couple reads this couple's session", ISSUER.partner(ROBIN), "/api/queries/sessions/" + coupleA.sessionId(), 403);
        refusedRead("a partner of another couple reads a page of this couple's session bids", ISSUER.partner(ROBIN),
                "/api/queries/sessions/" + coupleA.sessionId() + "/lists/bids?page=0", 403);
        refusedRead("a partner of another couple reads a page of this couple's sessions", ISSUER.partner(ROBIN),
                couplePath() + "/lists/sessions?page=0", 403);
        refusedRead("a partner of another couple reads a page of this couple's cycle timeline", ISSUER.partner(ROBIN),
                couplePath() + "/cycle-state/lists/timeline?page=0", 403);
        attack("a page asked for out of bounds is not a problem naming the field", () -> {
            for (String[] bad : new String[][]{{"size=1000", "size"}, {"page=-1", "page"}, {"size=x", "size"}}) {
                HttpResponse<String> answer = queries.getWithToken(ISSUER.partner(ALEX),
                        "/api/queries/sessions/" + coupleA.sessionId() + "/lists/bids?" + bad[0]);
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
                assertThat(answer.body()).contains("\"field\":\"" + bad[1] + "\"");
            }
            HttpResponse<String> noList = queries.getWithToken(ISSUER.partner(ALEX),
                    "/api/queries/sessions/" + coupleA.sessionId() + "/lists/partners");
            assertThat(noList.statusCode()).isEqualTo(400);
            assertThat(noList.body()).contains("\"field\":\"list\"");
        });
        refusedSubscription("a partner of another couple subscribes to this couple's session", ISSUER.partner(ROBIN), sessionTopic());
        refusedSubscription("a partner of another couple subscribes to this couple", ISSUER.partner(ROBIN), ViewPublisher.COUPLE_TOPIC + coupleA.coupleId());
        refusedSubscription("anyone subscribes to a topic that is no view", ISSUER.partner(ALEX), "/topic/sessions.*");
        refusedSubscription("a partner subscribes to the therapist's own destination", ISSUER.partner(SAM),
                ViewPublisher.THERAPIST_TOPIC + THERAPIST);
        refusedSubscription("another couple's therapist subscribes to this therapist's destination", otherTherapist(),
                ViewPublisher.THERAPIST_TOPIC + THERAPIST);
        refusedSubscription("a therapist subscribes to every therapist's destination at once", otherTherapist(),
                ViewPublisher.THERAPIST_TOPIC + "*");
        refusedSubscription("a therapist subscribes below their own destination", otherTherapist(),
                ViewPublisher.THERAPIST_TOPIC + THERAPIST + ".x");

        // Tokens that are not what they claim to be.
        for (String[] bad : new String[][]{{"a forged token", TestTokens.untrusted().partner(ALEX)},
                {"an expired token", ISSUER.expired(ALEX)}, {"a tampered token", ISSUER.tampered(ALEX)},
                {"no token at all", null}, {"a token that is no JWT", "not-a-token"},
                {"an ID token used as an access token", ISSUER.idToken(ALEX)}}) {
            refusedTokenCommand(bad[0] + " on a command", bad[1]);
            refusedRead(bad[0] + " on a query", bad[1], "/api/queries/sessions/" + coupleA.sessionId(), 401);
            refusedConnect(bad[0] + " on STOMP CONNECT", bad[1]);
        }

        // Roles that may not act or see.
        refusedRoleCommand("a therapist sends a partner command", therapist, sessionPath() + "/bids", "{\"words\":\"hello\"}");
        refusedRoleCommand("an analyst sends a partner command", analyst, sessionPath() + "/join", null);
        refusedRead("an analyst reads a couple", analyst, "/api/queries/couples/" + coupleA.coupleId(), 403);
        refusedRead("an analyst reads a session", analyst, "/api/queries/sessions/" + coupleA.sessionId(), 403);
        refusedRead("an analyst reads a page of a session's entries", analyst,
                "/api/queries/sessions/" + coupleA.sessionId() + "/lists/entries?page=0", 403);
        refusedRead("an analyst reads a page of a couple's cycle timeline", analyst, couplePath() + "/cycle-state/lists/timeline?page=0", 403);
        refusedSubscription("an analyst subscribes to a session", analyst, sessionTopic());
        refusedRead("an admin reads a session", admin, "/api/queries/sessions/" + coupleA.sessionId(), 403);
        refusedRead("a partner asks for a therapist's caseload", ISSUER.partner(ALEX), "/api/queries/my/caseload", 403);

        // A draft is its author's alone until shared.
        attack("the partner or the therapist sees a draft before it is shared", () -> {
            String seenByOthers = queries.getAs(ISSUER.partner(SAM), "/api/queries/sessions/" + coupleA.sessionId()).body()
                    + queries.getAs(ISSUER.partner(SAM), "/api/queries/sessions/" + coupleA.sessionId() + "/my-drafts").body()
                    + queries.getAs(therapist, "/api/queries/sessions/" + coupleA.sessionId()).body()
                    + queries.getAs(ISSUER.partner(ALEX), "/api/queries/sessions/" + coupleA.sessionId()).body();
            assertThat(seenByOthers).doesNotContain(DRAFT);
        });
        refusedRead("a therapist asks for a partner's drafts", therapist, "/api/queries/sessions/" + coupleA.sessionId() + "/my-drafts", 403);
        refusedCommand("the partner shares someone else's draft", SAM, sessionPath() + "/entries/entry-1/share", null, 409);

        // A private list item, and an answer sealed until both have answered.
        refusedRead("a partner of another couple reads this couple's private lists", ISSUER.partner(ROBIN), couplePath() + "/my-list", 403);
        refusedRead("a therapist reads a partner's private list", therapist, couplePath() + "/my-list", 403);
        refusedRead("an analyst reads a partner's private list", analyst, couplePath() + "/my-list", 403);
        attack("the other partner or the therapist sees a kept list item or a sealed answer", () -> {
            String seenByOthers = queries.getAs(ISSUER.partner(SAM), couplePath()).body()
                    + queries.getAs(ISSUER.partner(SAM), couplePath() + "/my-list").body()
                    + queries.getAs(therapist, couplePath()).body()
                    + queries.getAs(therapist, "/api/queries/sessions/" + coupleA.sessionId()).body()
                    + queries.getAs(ISSUER.partner(ALEX), "/api/queries/sessions/" + coupleA.sessionId()).body()
                    + queries.getAs(ISSUER.partner(ALEX), "/api/queries/sessions/" + coupleA.sessionId() + "/my-drafts").body();
            assertThat(seenByOthers).doesNotContain(LIST_ITEM, SEALED_ANSWER);
        });
        refusedCommand("a partner reveals by hand (the countdown does, once both are ready)", SAM, sessionPath() + "/steps/appreciation/reveal", null, 410);
        refusedCommand("a partner shares alone an answer that is revealed together", SAM, sessionPath() + "/entries/appreciation-1/share", null, 409);
        refusedCommand("a partner of another couple marks answers ready in this session", ROBIN, sessionPath() + "/steps/appreciation/ready", null, 403);
        refusedCommand("a partner of another couple takes answers back in this session", ROBIN, sessionPath() + "/steps/appreciation/take-back", null, 403);
        refusedCommand("a partner of another couple voices a softening in this session", ROBIN, sessionPath() + "/softenings", "{\"words\":\"x\"}", 403);
        refusedCommand("a partner of another couple shares this couple's list item", ROBIN, "/api/commands/couples/" + coupleA.coupleId() + "/lists/x/share", null, 403);
        refusedCommand("a partner of another couple bids to this couple", ROBIN, "/api/commands/couples/" + coupleA.coupleId() + "/bids", "{\"words\":\"x\"}", 403);

        // The therapist's frame: only a consented therapist, only as therapist.
        String couple = "/api/commands/couples/" + coupleA.coupleId();
        refusedRoleCommand("a partner sets homework", ISSUER.partner(ALEX), couple + "/homework", "{\"words\":\"x\"}");
        refusedRoleCommand("a partner proposes a commitment", ISSUER.partner(ALEX), couple + "/commitments",
                "{\"startsOn\":\"2026-01-01\",\"endsOn\":\"2026-03-01\",\"improvementBy\":\"2026-02-01\"}");
        refusedRoleCommand("a partner confirms a change event", ISSUER.partner(ALEX), sessionPath() + "/moves/x/confirm", null);
        refusedRoleCommand("a therapist voices a partner's softening", therapist, sessionPath() + "/softenings", "{\"words\":\"x\"}");
        refusedAs("a therapist the couple never consented to observes the session", otherTherapist(), sessionPath() + "/observe", null, 409);
        refusedAs("a therapist the couple never consented to sets homework", otherTherapist(), couple + "/homework", "{\"words\":\"x\"}", 403);
        refusedAs("a therapist the couple never consented to proposes a commitment", otherTherapist(), couple + "/commitments",
                "{\"startsOn\":\"2026-01-01\",\"endsOn\":\"2026-03-01\",\"improvementBy\":\"2026-02-01\"}", 403);
        refusedAs("a commitment that ends before it starts", therapist, couple + "/commitments",
                "{\"startsOn\":\"2026-03-01\",\"endsOn\":\"2026-01-01\",\"improvementBy\":\"2026-02-01\"}", 409);
        refusedAs("a commitment without an improvement date", therapist, couple + "/commitments",
                "{\"startsOn\":\"2026-01-01\",\"endsOn\":\"2026-03-01\"}", 400);
        refusedPut("a cycle link stronger than 10", KAI, sessionPath() + "/cycle-links/link-1",
                "{\"step\":\"lean\",\"link\":\"TRIGGER\",\"intensity\":11,\"words\":\"x\"}", 400);
        refusedPut("an entry id that is no id", SAM, sessionPath() + "/entries/not_an:id",
                "{\"text\":\"x\"}", 400);
        refusedPut("an entry at a step the exercise does not have", SAM, sessionPath() + "/entries/e-2",
                "{\"step\":\"no-such-step\",\"text\":\"x\"}", 409);

        // What is said to the therapist alone.
        String otherTherapist = ISSUER.token(UUID.randomUUID().toString(), Role.THERAPIST, Duration.ofMinutes(5));
        for (String partner : List.of(ALEX, SAM)) {
            refusedRead("a partner reads the therapist's notes", ISSUER.partner(partner), couplePath() + "/notes", 403);
            refusedRead("a partner reads the safety concerns", ISSUER.partner(partner), couplePath() + "/safety-concerns", 403);
            attack("a partner's own views carry the therapist's note or a safety concern", () -> {
                String views = queries.getAs(ISSUER.partner(partner), couplePath()).body()
                        + queries.getAs(ISSUER.partner(partner), "/api/queries/sessions/" + coupleA.sessionId()).body()
                        + queries.getAs(ISSUER.partner(partner), couplePath() + "/reads").body();
                assertThat(views).doesNotContain(NOTE, CONCERN);
            });
        }
        refusedRead("a therapist the couple never consented to reads the notes", otherTherapist, couplePath() + "/notes", 403);
        refusedRead("a therapist the couple never consented to reads the session", otherTherapist, "/api/queries/sessions/" + coupleA.sessionId(), 403);
        refusedRead("a therapist the couple never consented to reads a page of the session's bids", otherTherapist,
                "/api/queries/sessions/" + coupleA.sessionId() + "/lists/bids?page=0", 403);
        refusedRead("a therapist the couple never consented to reads a page of the couple's appreciations", otherTherapist,
                couplePath() + "/lists/appreciations?page=0", 403);
        attack("a partner's unshared answer reaches the other partner or the therapist through a page of entries", () -> {
            String pages = queries.getAs(ISSUER.partner(ALEX), "/api/queries/sessions/" + coupleA.sessionId() + "/lists/entries?page=0").body()
                    + queries.getWithToken(therapist, "/api/queries/sessions/" + coupleA.sessionId() + "/lists/entries?page=0").body();
            assertThat(pages).doesNotContain(SEALED_ANSWER);
        });
        refusedRoleCommand("a partner writes a therapist note", ISSUER.partner(ALEX), couplePath().replace("queries", "commands") + "/notes", "{\"text\":\"x\"}");
        refusedRead("a therapist reads who read the couple's content", therapist, couplePath() + "/reads", 403);
        refusedRead("a partner of another couple reads who read this couple's content", ISSUER.partner(ROBIN), couplePath() + "/reads", 403);
        attack("a therapist's reads are missing from the couple's audit log", () ->
                assertThat(queries.getAs(ISSUER.partner(ALEX), couplePath() + "/reads").body())
                        .contains(THERAPIST, "THERAPIST", "REST", "session " + coupleA.sessionId()));

        // Codes and input.
        refusedCommand("someone joins with a spent invitation code", UUID.randomUUID().toString(), "/api/commands/couples/join",
                "{\"invitationCode\":\"" + coupleAInvitationCode + "\",\"displayName\":\"Eve\"}", 409);
        refusedCommand("an oversize JSON body", SAM, sessionPath() + "/bids", "{\"words\":\"" + "x".repeat(100_000) + "\"}", 413);
        refusedCommand("malformed JSON", SAM, sessionPath() + "/bids", "{\"words\": ", 400);
        refusedCommand("bid words over the limit", SAM, sessionPath() + "/bids", "{\"words\":\"" + "x".repeat(281) + "\"}", 400);
        refusedCommand("an answer that is no answer", SAM, sessionPath() + "/bids/x/answer", "{\"response\":\"MAYBE\"}", 400);
        refusedFrame("a STOMP SEND (changes go in as commands)", "/app/sessions", "{\"words\":\"sneaky\"}");
        refusedFrame("an oversize STOMP frame", "/app/sessions", "x".repeat(100_000));
        refusedFrame("a presence SEND that carries words", "/app/presence.away", "{\"words\":\"sneaky\"}");
        refusedRead("a partner of another couple reads who is connected to the session", ISSUER.partner(ROBIN),
                "/api/queries/sessions/" + coupleA.sessionId() + "/presence", 403);
        refusedFlood("a flood of commands beyond the rate limit");
        refusedPasswordGuessing("repeated wrong passwords");

        assertThat(product.storedEvents()).as("nothing was stored by any attack").isEqualTo(storedBefore);

        // Consent withdrawn: the therapist's live view closes and every way back is refused.
        StompTestClient therapistScreen = StompTestClient.connect(ws, therapist);
        therapistScreen.subscribe(sessionTopic());
        await().atMost(Duration.ofSeconds(10)).until(() -> queries.getWithToken(therapist,
                "/api/queries/sessions/" + coupleA.sessionId()).statusCode() == 200);
        commands.post(SAM, "/api/commands/couples/" + coupleA.coupleId() + "/therapists/" + THERAPIST + "/withdraw", null);
        attack("a therapist's live view stays open after consent is withdrawn",
                () -> await().atMost(Duration.ofSeconds(10)).until(therapistScreen::isShut));
        refusedRead("a therapist reads the session after consent is withdrawn", therapist, "/api/queries/sessions/" + coupleA.sessionId(), 403);
        refusedRead("a therapist reads a page of the session's bids after consent is withdrawn", therapist,
                "/api/queries/sessions/" + coupleA.sessionId() + "/lists/bids?page=0", 403);
        refusedRead("a therapist reads a page of the cycle timeline after consent is withdrawn", therapist,
                couplePath() + "/cycle-state/lists/timeline?page=0", 403);
        refusedSubscription("a therapist subscribes again after consent is withdrawn", therapist, sessionTopic());
        therapistScreen.close();

        System.out.println(attacks.summary());
        assertThat(attacks.notRefused()).as("attacks that were not refused").isEmpty();
    }

    private void refusedCommand(String name, String person, String path, String body, int status) {
        attack(name, () -> {
            HttpResponse<String> answer = commands.send(person, path, body);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
            assertThat(answer.body()).doesNotContain(SECRET_WORDS);
        });
    }

    private void refusedAs(String name, String bearer, String path, String body, int status) {
        attack(name, () -> {
            HttpResponse<String> answer = commands.sendWithToken(bearer, path, body);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        });
    }

    private void refusedPut(String name, String person, String path, String body, int status) {
        attack(name, () -> {
            HttpResponse<String> answer = commands.sendPut(person, path, body);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
            assertThat(answer.body()).doesNotContain(SECRET_WORDS);
        });
    }

    private static String otherTherapist() {
        return ISSUER.token(UUID.randomUUID().toString(), Role.THERAPIST, Duration.ofMinutes(5));
    }

    private void refusedTokenCommand(String name, String bearer) {
        attack(name, () -> assertThat(commands.sendWithToken(bearer, sessionPath() + "/bids", "{\"words\":\"x\"}")
                .statusCode()).isEqualTo(401));
    }

    private void refusedRoleCommand(String name, String bearer, String path, String body) {
        attack(name, () -> assertThat(commands.sendWithToken(bearer, path, body).statusCode()).isEqualTo(403));
    }

    private void refusedRead(String name, String bearer, String path, int status) {
        attack(name, () -> {
            HttpResponse<String> answer = queries.getWithToken(bearer, path);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
            assertThat(answer.body()).doesNotContain(SECRET_WORDS, "Alex", NOTE, CONCERN);
        });
    }

    private void refusedConnect(String name, String bearer) {
        attack(name, () -> {
            try (StompTestClient screen = StompTestClient.connect(ws, bearer)) {
                throw new AssertionError("CONNECT was accepted: " + screen.errors());
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException refused) {
                // the server answered CONNECT with an ERROR frame and closed the connection
            }
        });
    }

    private void refusedSubscription(String name, String bearer, String topic) {
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

    private void refusedFrame(String name, String destination, String text) {
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

    private void refusedFlood(String name) {
        attack(name, () -> {
            String flooder = UUID.randomUUID().toString();
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                statuses.add(commands.send(flooder, "/api/commands/couples", "{\"displayName\":\"\"}").statusCode());
            }
            assertThat(statuses).contains(429);
        });
    }

    private void refusedPasswordGuessing(String name) {
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

    private void attack(String name, Attacks.Attempt attempt) {
        attacks.attack(name, attempt);
    }

    private static String couplePath() {
        return "/api/queries/couples/" + coupleA.coupleId();
    }

    private static String sessionPath() {
        return "/api/commands/sessions/" + coupleA.sessionId();
    }

    private static String sessionTopic() {
        return ViewPublisher.SESSION_TOPIC + coupleA.sessionId();
    }

    /** Reads one text field of a JSON answer. */
    private record JsonOf(String json) {
        String field(String name) {
            try {
                return new tools.jackson.databind.ObjectMapper().readTree(json).get(name).asString();
            } catch (JacksonException unreadable) {
                throw new AssertionError(unreadable);
            }
        }
    }
}
