package app.duet.standalone.faults;

import app.duet.identity.BrowserSignIn;
import app.duet.query.live.ViewPublisher;
import app.duet.query.support.ScreenLog;
import app.duet.query.support.StompTestClient;
import app.duet.standalone.StandaloneApplication;
import app.duet.testing.CommandClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The product restarts in the middle of a joint session. Both partners' screens reconnect as the page
 * does (subscribe, then fetch over REST, asking again while the views catch up) and go on. Whatever
 * each screen was shown, pushed or fetched, never goes back a version, and pushes follow each other
 * one version at a time: the views replayed after the start are never pushed half built.
 */
class RestartMidSessionTest {

    private static final int BIDS_BEFORE = 120;
    private static final int BIDS_AFTER = 20;

    @TempDir
    Path dataDir;

    private final Map<String, String> accessTokens = new HashMap<>();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void bothPartnersSeeConsecutiveVersionsAcrossARestart() throws Exception {
        String alex;
        String sam;
        CommandClient.PairedSession paired;
        Screen alexScreen = new Screen("Alex");
        Screen samScreen = new Screen("Sam");
        try (ConfigurableApplicationContext first = start()) {
            BrowserSignIn browser = new BrowserSignIn(baseUrl(first));
            alex = signUpAndIn(browser, "Alex");
            sam = signUpAndIn(browser, "Sam");
            CommandClient http = new CommandClient(baseUrl(first), accessTokens::get);
            paired = http.pairAndJoinSession(alex, sam);
            String topic = ViewPublisher.SESSION_TOPIC + paired.sessionId();
            try (StompTestClient alexLive = alexScreen.open(first, accessTokens.get(alex), topic, http, alex, paired);
                 StompTestClient samLive = samScreen.open(first, accessTokens.get(sam), topic, http, sam, paired)) {
                bid(http, alex, sam, paired, BIDS_BEFORE);
                long expected = 3 + BIDS_BEFORE;
                await().atMost(Duration.ofSeconds(30)).until(() -> alexLive.latestVersion(topic) == expected
                        && samLive.latestVersion(topic) == expected);
                alexScreen.keep(alexLive.received(), topic);
                samScreen.keep(samLive.received(), topic);
            }
        }

        // Started again without its views file, as after losing it: every view is rebuilt from the
        // first event while the screens are already back, so the views catch up under their eyes.
        try (ConfigurableApplicationContext second = start("--duet.mongo.embedded-file=")) {
            CommandClient http = new CommandClient(baseUrl(second), accessTokens::get);
            String topic = ViewPublisher.SESSION_TOPIC + paired.sessionId();
            // The screens come back at once, while the views may still be catching up with the events.
            try (StompTestClient alexLive = alexScreen.open(second, accessTokens.get(alex), topic, http, alex, paired);
                 StompTestClient samLive = samScreen.open(second, accessTokens.get(sam), topic, http, sam, paired)) {
                bid(http, alex, sam, paired, BIDS_AFTER);
                long expected = 3 + BIDS_BEFORE + BIDS_AFTER;
                await().atMost(Duration.ofSeconds(30)).until(() -> alexLive.latestVersion(topic) == expected
                        && samLive.latestVersion(topic) == expected);
                alexScreen.keep(alexLive.received(), topic);
                samScreen.keep(samLive.received(), topic);
            }
        }

        for (Screen screen : List.of(alexScreen, samScreen)) {
            screen.log.assertNeverWentBack(true);
            assertThat(screen.log.lastVersion()).isEqualTo(3 + BIDS_BEFORE + BIDS_AFTER);
            System.out.println("restart: a screen was shown " + screen.log.size() + " views across the restart, after "
                    + screen.catchingUpAnswers + " answers 'catching up'");
        }
    }

    /** Partners take turns making bids, as fast as the answers come. */
    private static void bid(CommandClient http, String alex, String sam, CommandClient.PairedSession paired, int count) {
        for (int i = 0; i < count; i++) {
            http.post(i % 2 == 0 ? alex : sam, "/api/commands/sessions/" + paired.sessionId() + "/bids",
                    "{\"words\":\"Bid " + i + "\"}");
        }
    }

    /**
     * One partner's screen. Like the page it subscribes first and then fetches, asking again while
     * the answer is 503 (catching up).
     */
    private final class Screen {
        private final ScreenLog log;
        private int catchingUpAnswers;

        Screen(String name) {
            this.log = new ScreenLog(name);
        }

        StompTestClient open(ConfigurableApplicationContext product, String token, String topic, CommandClient http,
                             String person, CommandClient.PairedSession paired) throws Exception {
            // As the page follows a view: fetch it (asking again while the views catch up), subscribe, fetch again.
            log.connected();
            await().atMost(Duration.ofSeconds(60)).until(() -> fetch(http, person, paired));
            StompTestClient live = StompTestClient.connect(baseUrl(product).replace("http", "ws") + "/ws", token);
            live.subscribe(topic);
            await().atMost(Duration.ofSeconds(60)).until(() -> fetch(http, person, paired));
            return live;
        }

        private boolean fetch(CommandClient http, String person, CommandClient.PairedSession paired) {
            long asked = System.nanoTime();
            HttpResponse<String> answer = http.getWithToken(accessTokens.get(person), "/api/queries/sessions/" + paired.sessionId());
            if (answer.statusCode() == 503) {
                JsonNode problem = json.readTree(answer.body());
                assertThat(problem.path("rule").asString()).isEqualTo("views-catching-up");
                assertThat(answer.headers().firstValue("Retry-After")).isPresent();
                catchingUpAnswers++;
                return false;
            }
            if (answer.statusCode() == 403) {
                // The session's start is not in its view yet (answered as any id not one's own): the page asks again too.
                return false;
            }
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            log.fetched(asked, json.readTree(answer.body()).path("version").asLong());
            return true;
        }

        void keep(List<StompTestClient.Received> received, String topic) {
            log.pushed(received, topic);
        }
    }

    private String signUpAndIn(BrowserSignIn browser, String name) {
        String email = name.toLowerCase() + "-" + UUID.randomUUID() + "@duet.test";
        String accountId = browser.signUp(email, "a long enough password", name, "PARTNER").get("accountId").asString();
        accessTokens.put(accountId, browser.signIn(email, "a long enough password").accessToken());
        return accountId;
    }

    private ConfigurableApplicationContext start(String... more) {
        List<String> arguments = new java.util.ArrayList<>(List.of("--server.port=0", "--duet.data-dir=" + dataDir,
                "--duet.access.commands-per-second=10000", "--duet.access.command-burst=10000"));
        arguments.addAll(List.of(more));
        return StandaloneApplication.start(arguments.toArray(String[]::new));
    }

    private static String baseUrl(ConfigurableApplicationContext context) {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
