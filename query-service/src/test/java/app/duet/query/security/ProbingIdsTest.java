package app.duet.query.security;

import app.duet.query.live.ViewPublisher;
import app.duet.query.support.ProductOnH2;
import app.duet.query.support.StompTestClient;
import app.duet.testing.CommandClient;
import app.duet.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An outsider cannot tell a couple or session that exists but is not theirs from one that does not
 * exist: over REST, over STOMP and through commands the answer is one and the same.
 */
class ProbingIdsTest {

    private static final TestTokens ISSUER = TestTokens.trusted();
    private static ProductOnH2 product;
    private static CommandClient.PairedSession theirs;
    private static final String ALEX = UUID.randomUUID().toString();
    private static final String OUTSIDER = UUID.randomUUID().toString();

    @BeforeAll
    static void start() {
        product = ProductOnH2.start();
        theirs = product.commands.pairAndJoinSession(ALEX, UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() ->
                product.queries.get(ALEX, "/api/queries/sessions/" + theirs.sessionId()).path("version").asLong() >= 3);
    }

    @AfterAll
    static void stop() {
        product.close();
    }

    @Test
    void readsOfAnotherCouplesViewsAnswerAsForViewsThatDoNotExist() {
        String nowhere = UUID.randomUUID().toString();
        for (Function<String, String> path : List.<Function<String, String>>of(
                id -> "/api/queries/couples/" + id,
                id -> "/api/queries/couples/" + id + "/cycle-state",
                id -> "/api/queries/couples/" + id + "/my-list",
                id -> "/api/queries/couples/" + id + "/reads")) {
            assertSameAnswer(read(path.apply(theirs.coupleId())), read(path.apply(nowhere)));
        }
        for (Function<String, String> path : List.<Function<String, String>>of(
                id -> "/api/queries/sessions/" + id,
                id -> "/api/queries/sessions/" + id + "/presence",
                id -> "/api/queries/sessions/" + id + "/my-drafts",
                id -> "/api/queries/sessions/" + id + "/lists/bids?page=0")) {
            assertSameAnswer(read(path.apply(theirs.sessionId())), read(path.apply(nowhere)));
        }
    }

    @Test
    void commandsOnAnotherCouplesSessionAnswerAsForSessionsThatDoNotExist() {
        String nowhere = UUID.randomUUID().toString();
        for (String act : List.of("/join", "/bids")) {
            String body = act.equals("/bids") ? "{\"words\":\"hello\"}" : null;
            HttpResponse<String> onTheirs = product.commands.send(OUTSIDER, "/api/commands/sessions/" + theirs.sessionId() + act, body);
            HttpResponse<String> onNothing = product.commands.send(OUTSIDER, "/api/commands/sessions/" + nowhere + act, body);
            assertSameAnswer(onTheirs, onNothing);
        }
        HttpResponse<String> startInTheirs = product.commands.send(OUTSIDER, "/api/commands/couples/" + theirs.coupleId() + "/sessions",
                "{\"exercise\":\"CHECK_IN\"}");
        HttpResponse<String> startInNone = product.commands.send(OUTSIDER, "/api/commands/couples/" + nowhere + "/sessions",
                "{\"exercise\":\"CHECK_IN\"}");
        assertSameAnswer(startInTheirs, startInNone);
    }

    @Test
    void aSubscriptionToAnotherCouplesTopicIsRefusedInTheWordsOfOneThatDoesNotExist() throws Exception {
        String nowhere = UUID.randomUUID().toString();
        assertThat(refusal(ViewPublisher.SESSION_TOPIC + theirs.sessionId()))
                .isEqualTo(refusal(ViewPublisher.SESSION_TOPIC + nowhere));
        assertThat(refusal(ViewPublisher.COUPLE_TOPIC + theirs.coupleId()))
                .isEqualTo(refusal(ViewPublisher.COUPLE_TOPIC + nowhere));
    }

    private static HttpResponse<String> read(String path) {
        return product.queries.getWithToken(ISSUER.partner(OUTSIDER), path);
    }

    private static void assertSameAnswer(HttpResponse<String> theirs, HttpResponse<String> none) {
        assertThat(theirs.statusCode()).as(theirs.uri().getPath()).isEqualTo(none.statusCode()).isEqualTo(403);
        assertThat(withoutInstance(theirs.body())).as(theirs.uri().getPath()).isEqualTo(withoutInstance(none.body()));
    }

    /** The problem's instance is the path asked for, which the caller knows already. */
    private static String withoutInstance(String problem) {
        return problem.replaceAll("\"instance\":\"[^\"]*\",?", "");
    }

    private static List<String> refusal(String topic) throws Exception {
        try (StompTestClient outsider = StompTestClient.connect(product.ws, ISSUER.partner(OUTSIDER))) {
            outsider.subscribe(topic);
            await().atMost(Duration.ofSeconds(10)).until(() -> !outsider.errors().isEmpty());
            return outsider.errors().stream().map(error -> error.replace(topic, "")).toList();
        }
    }
}
