package app.duet.standalone;

import app.duet.identity.BrowserSignIn;
import app.duet.testing.CommandClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Counter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

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

/**
 * A restart is not a rebuild: the views and their processors' positions are kept in the data
 * folder ({@code views.mv}), so the product comes back ready with the views it had, having applied
 * no event again. Without the file (the in-memory stand-in) every event is applied again.
 */
class ViewsAcrossRestartTest {

    private static final String PASSWORD = "a long enough password";

    @TempDir
    Path dataDir;

    private final Map<String, String> accessTokens = new HashMap<>();
    private String alex;
    private String sam;
    private String couplePath;
    private String sessionPath;
    private String sessionId;

    @Test
    void aRestartResumesWhereTheProcessorsStopped() {
        Map<String, JsonNode> before = writeSomeHistory();

        try (ConfigurableApplicationContext second = start()) {
            awaitReady(second);
            assertThat(eventsApplied(second)).as("events applied again after the restart").isZero();
            CommandClient http = new CommandClient(baseUrl(second), accessTokens::get);
            assertThat(http.get(alex, couplePath)).isEqualTo(before.get("couple"));
            assertThat(http.get(alex, sessionPath)).isEqualTo(before.get("session"));

            http.post(sam, "/api/commands/sessions/" + sessionId + "/bids", "{\"words\":\"And after the restart?\"}");
            awaitView(http, sessionPath, before.get("session").path("version").asLong() + 1);
            assertThat(eventsApplied(second)).isPositive();
        }
    }

    @Test
    void withoutTheViewsFileEveryEventIsAppliedAgain() {
        Map<String, JsonNode> before = writeSomeHistory();

        try (ConfigurableApplicationContext second = start("--duet.mongo.embedded-file=")) {
            awaitReady(second);
            assertThat(eventsApplied(second)).as("events applied again after the restart").isPositive();
            CommandClient http = new CommandClient(baseUrl(second), accessTokens::get);
            assertThat(http.get(alex, couplePath)).isEqualTo(before.get("couple"));
            assertThat(http.get(alex, sessionPath)).isEqualTo(before.get("session"));
        }
    }

    /** A couple, a session, bids and appreciations, then a clean shutdown; returns the views as they stood. */
    private Map<String, JsonNode> writeSomeHistory() {
        try (ConfigurableApplicationContext first = start()) {
            BrowserSignIn browser = new BrowserSignIn(baseUrl(first));
            alex = signUpAndIn(browser, "Alex");
            sam = signUpAndIn(browser, "Sam");
            CommandClient http = new CommandClient(baseUrl(first), accessTokens::get);
            CommandClient.PairedSession paired = http.pairAndJoinSession(alex, sam);
            sessionId = paired.sessionId();
            String commands = "/api/commands/sessions/" + sessionId;
            for (int n = 0; n < 3; n++) {
                String bid = http.post(alex, commands + "/bids", "{\"words\":\"Walk " + n + "?\"}").get("bidId").asString();
                http.post(sam, commands + "/bids/" + bid + "/answer", "{\"response\":\"TOWARD\"}");
                http.post(sam, "/api/commands/couples/" + paired.coupleId() + "/appreciations",
                        "{\"words\":\"Thank you " + n + "\"}");
            }
            couplePath = "/api/queries/couples/" + paired.coupleId();
            sessionPath = "/api/queries/sessions/" + paired.sessionId();
            // started, two joins, three bids and their answers
            JsonNode session = awaitView(http, sessionPath, 9);
            // created, joined, session started, three appreciations
            JsonNode couple = awaitView(http, couplePath, 6);
            return Map.of("couple", couple, "session", session);
        }
    }

    /** Events the projections applied since this start, replayed or live. */
    private static long eventsApplied(ConfigurableApplicationContext product) {
        return (long) product.getBean(MeterRegistry.class).find("duet.projection.applied").counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    private static void awaitReady(ConfigurableApplicationContext product) {
        HttpClient client = HttpClient.newHttpClient();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> client.send(HttpRequest.newBuilder(URI.create(baseUrl(product) + "/actuator/health/readiness"))
                        .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    }

    private String signUpAndIn(BrowserSignIn browser, String name) {
        String email = name.toLowerCase() + "-" + UUID.randomUUID() + "@duet.test";
        String accountId = browser.signUp(email, PASSWORD, name, "PARTNER").get("accountId").asString();
        accessTokens.put(accountId, browser.signIn(email, PASSWORD).accessToken());
        return accountId;
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

    private static String baseUrl(ConfigurableApplicationContext context) {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
