package app.duet.standalone.faults;

import app.duet.identity.BrowserSignIn;
import app.duet.query.live.ViewPublisher;
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
import java.util.ArrayList;
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
                alexScreen.keep(alexLive.received());
                samScreen.keep(samLive.received());
            }
        }

        try (ConfigurableApplicationContext second = start()) {
            CommandClient http = new CommandClient(baseUrl(second), accessTokens::get);
            String topic = ViewPublisher.SESSION_TOPIC + paired.sessionId();
            // The screens come back at once, while the views may still be catching up with the events.
            try (StompTestClient alexLive = alexScreen.open(second, accessTokens.get(alex), topic, http, alex, paired);
                 StompTestClient samLive = samScreen.open(second, accessTokens.get(sam), topic, http, sam, paired)) {
                bid(http, alex, sam, paired, BIDS_AFTER);
                long expected = 3 + BIDS_BEFORE + BIDS_AFTER;
                await().atMost(Duration.ofSeconds(30)).until(() -> alexLive.latestVersion(topic) == expected
                        && samLive.latestVersion(topic) == expected);
                alexScreen.keep(alexLive.received());
                samScreen.keep(samLive.received());
            }
        }

        for (Screen screen : List.of(alexScreen, samScreen)) {
            screen.assertNeverWentBack();
            assertThat(screen.lastVersion()).as(screen.name).isEqualTo(3 + BIDS_BEFORE + BIDS_AFTER);
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
     * One partner's screen: what it was shown, in order. Like the page it subscribes first and then
     * fetches, asking again while the answer is 503 (catching up); a fetch shows a view only if it is
     * newer than what is shown.
     */
    private final class Screen {
        private final String name;
        private final List<String> shown = new ArrayList<>();   // "connect", "fetch 40", "push 41", in arrival order
        private final List<Long> versions = new ArrayList<>();
        private int catchingUpAnswers;

        Screen(String name) {
            this.name = name;
        }

        StompTestClient open(ConfigurableApplicationContext product, String token, String topic, CommandClient http,
                             String person, CommandClient.PairedSession paired) throws Exception {
            StompTestClient live = StompTestClient.connect(baseUrl(product).replace("http", "ws") + "/ws", token);
            live.subscribe(topic);
            shown.add("connect");
            JsonNode view = await().atMost(Duration.ofSeconds(60)).until(() -> fetch(http, person, paired), v -> v != null);
            show("fetch", view.path("version").asLong());
            return live;
        }

        private JsonNode fetch(CommandClient http, String person, CommandClient.PairedSession paired) {
            HttpResponse<String> answer = http.getWithToken(accessTokens.get(person), "/api/queries/sessions/" + paired.sessionId());
            if (answer.statusCode() == 503) {
                JsonNode problem = json.readTree(answer.body());
                assertThat(problem.path("rule").asString()).isEqualTo("views-catching-up");
                assertThat(answer.headers().firstValue("Retry-After")).isPresent();
                catchingUpAnswers++;
                return null;
            }
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            return json.readTree(answer.body());
        }

        void keep(List<StompTestClient.Received> received) {
            for (StompTestClient.Received message : received) {
                if (!message.isNotice()) {
                    show("push", message.version());
                }
            }
        }

        private void show(String how, long version) {
            shown.add(how + " " + version);
            versions.add(version);
        }

        /**
         * On one connection pushes come one version after another; the fetch that opens a connection may
         * land anywhere among them (it ran beside them), but nothing shown is ever lower than a version
         * this screen was pushed before, across the restart too.
         */
        void assertNeverWentBack() {
            long highestPushed = -1;
            long lastPushed = -1;
            for (String entry : shown) {
                if (entry.equals("connect")) {
                    lastPushed = -1;
                    continue;
                }
                long version = Long.parseLong(entry.substring(entry.indexOf(' ') + 1));
                if (entry.startsWith("push")) {
                    assertThat(version).as(name + " was pushed a version it had already been shown: " + shown)
                            .isGreaterThan(highestPushed);
                    if (lastPushed >= 0) {
                        assertThat(version).as(name + " missed a push on a live connection: " + shown)
                                .isEqualTo(lastPushed + 1);
                    }
                    lastPushed = version;
                    highestPushed = version;
                } else {
                    assertThat(version).as(name + " fetched a view older than one it was pushed: " + shown)
                            .isGreaterThanOrEqualTo(highestPushed);
                }
            }
            System.out.println("restart " + name + ": " + shown.size() + " views shown, " + catchingUpAnswers
                    + " answers 'catching up'");
        }

        long lastVersion() {
            return versions.stream().mapToLong(Long::longValue).max().orElse(-1);
        }
    }

    private String signUpAndIn(BrowserSignIn browser, String name) {
        String email = name.toLowerCase() + "-" + UUID.randomUUID() + "@duet.test";
        String accountId = browser.signUp(email, "a long enough password", name, "PARTNER").get("accountId").asString();
        accessTokens.put(accountId, browser.signIn(email, "a long enough password").accessToken());
        return accountId;
    }

    private ConfigurableApplicationContext start() {
        return StandaloneApplication.start("--server.port=0", "--duet.data-dir=" + dataDir,
                "--duet.access.commands-per-second=10000", "--duet.access.command-burst=10000");
    }

    private static String baseUrl(ConfigurableApplicationContext context) {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
