package app.duet.standalone;

import app.duet.identity.BrowserSignIn;
import app.duet.query.live.ViewPublisher;
import app.duet.testing.CommandClient;
import app.duet.query.support.StompTestClient;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The product a new user starts: one JVM, embedded stores, everything on one port. */
class StandaloneTest {

    @TempDir
    Path dataDir;

    private final Map<String, String> accessTokens = new HashMap<>();
    private String alex;
    private String sam;

    /** Both partners open accounts and sign in through the issuer, as they would in a browser. */
    private CommandClient signedInPartners(ConfigurableApplicationContext product) {
        BrowserSignIn browser = new BrowserSignIn(baseUrl(product));
        alex = signUpAndIn(browser, "Alex");
        sam = signUpAndIn(browser, "Sam");
        return new CommandClient(baseUrl(product), accessTokens::get);
    }

    private String signUpAndIn(BrowserSignIn browser, String name) {
        String email = name.toLowerCase() + "-" + UUID.randomUUID() + "@duet.test";
        String accountId = browser.signUp(email, "a long enough password", name, "PARTNER").get("accountId").asString();
        accessTokens.put(accountId, browser.signIn(email, "a long enough password").accessToken());
        return accountId;
    }

    @Test
    void aRestartLosesNothing() {
        CommandClient.PairedSession paired;
        JsonNode coupleBefore;
        JsonNode sessionBefore;
        String bidId;
        try (ConfigurableApplicationContext first = start()) {
            CommandClient http = signedInPartners(first);
            paired = http.pairAndJoinSession(alex, sam);
            bidId = http.post(alex, sessionPath(paired) + "/bids", "{\"words\":\"Walk after dinner?\"}")
                    .get("bidId").asString();
            http.post(sam, sessionPath(paired) + "/bids/" + bidId + "/answer", "{\"response\":\"TOWARD\"}");
            // started, two joins, a bid, its answer
            sessionBefore = awaitView(http, "/api/queries/sessions/" + paired.sessionId(), 5);
            // created, joined, session started
            coupleBefore = awaitView(http, "/api/queries/couples/" + paired.coupleId(), 3);
        }

        try (ConfigurableApplicationContext second = start()) {
            // The tokens from before the restart still hold: the signing key is kept with the data.
            CommandClient http = new CommandClient(baseUrl(second), accessTokens::get);
            assertThat(awaitView(http, "/api/queries/sessions/" + paired.sessionId(), 5)).isEqualTo(sessionBefore);
            assertThat(awaitView(http, "/api/queries/couples/" + paired.coupleId(), 3)).isEqualTo(coupleBefore);

            HttpResponse<String> again = http.send(sam, sessionPath(paired) + "/bids/" + bidId + "/answer",
                    "{\"response\":\"AGAINST\"}");
            assertThat(again.statusCode()).as("the session still remembers the bid was answered").isEqualTo(409);
            http.post(sam, sessionPath(paired) + "/bids", "{\"words\":\"And tomorrow?\"}");
            assertThat(awaitView(http, "/api/queries/sessions/" + paired.sessionId(), 6)
                    .path("bids").findValuesAsString("words")).containsExactly("Walk after dinner?", "And tomorrow?");
        }
    }

    @Test
    void aCommitWakesBothPartnersScreensWithoutWaitingForAPoll() throws Exception {
        try (ConfigurableApplicationContext product = start("--duet.projections.fallback-poll=60s")) {
            CommandClient http = signedInPartners(product);
            CommandClient.PairedSession paired = http.pairAndJoinSession(alex, sam);
            awaitView(http, "/api/queries/sessions/" + paired.sessionId(), 3);
            String topic = ViewPublisher.SESSION_TOPIC + paired.sessionId();
            String ws = baseUrl(product).replace("http", "ws") + "/ws";
            try (StompTestClient alexScreen = StompTestClient.connect(ws, accessTokens.get(alex));
                 StompTestClient samScreen = StompTestClient.connect(ws, accessTokens.get(sam))) {
                alexScreen.subscribe(topic);
                samScreen.subscribe(topic);
                await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).until(() -> {
                    http.post(sam, sessionPath(paired) + "/bids", "{\"words\":\"Are you there?\"}");
                    return alexScreen.latestVersion(topic) > 3 && samScreen.latestVersion(topic) > 3;
                });
                // The first view change (a presence notice may come before it: who is connected is not a view).
                assertThat(alexScreen.received().stream().filter(frame -> !frame.isNotice()).findFirst().orElseThrow()
                        .body().path("changes").findValuesAsString("words"))
                        .as("the bid, pushed as the change it made").contains("Are you there?");
            }
        }
    }

    @Test
    void thePageAndTheApiDocsAreServedOnTheSamePort() throws Exception {
        try (ConfigurableApplicationContext product = start()) {
            HttpClient http = HttpClient.newHttpClient();
            for (String path : new String[]{"/", "/api/openapi", "/actuator/health", "/sign-in",
                    "/.well-known/openid-configuration", "/oauth2/jwks"}) {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl(product) + path))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(path).isEqualTo(200);
            }
            HttpResponse<String> docs = http.send(HttpRequest.newBuilder(URI.create(baseUrl(product) + "/api/openapi"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(docs.body()).contains("/api/commands/couples", "/api/queries/sessions/{sessionId}");
        }
    }

    private ConfigurableApplicationContext start(String... more) {
        String[] arguments = new String[more.length + 2];
        arguments[0] = "--server.port=0";
        arguments[1] = "--duet.data-dir=" + dataDir;
        System.arraycopy(more, 0, arguments, 2, more.length);
        return StandaloneApplication.start(arguments);
    }

    private JsonNode awaitView(CommandClient http, String path, long version) {
        return await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
                .until(() -> http.get(alex, path), view -> view.path("version").asLong() == version);
    }

    private static String sessionPath(CommandClient.PairedSession paired) {
        return "/api/commands/sessions/" + paired.sessionId();
    }

    private static String baseUrl(ConfigurableApplicationContext context) {
        // 127.0.0.1: the page's redirect URI is registered there, valid on any port (RFC 8252).
        return "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
