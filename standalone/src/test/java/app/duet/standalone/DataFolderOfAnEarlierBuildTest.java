package app.duet.standalone;

import app.duet.identity.BrowserSignIn;
import app.duet.testing.CommandClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A standalone {@code ./data} folder written by an earlier build (Spring Boot 3.5, Jackson 2) opens
 * with this one: the partners sign in with the passwords they chose then, and their couple and
 * session read as they did. {@code -Dduet.fixtures.write-data=DIR} writes such a folder instead.
 */
class DataFolderOfAnEarlierBuildTest {

    private static final Path EARLIER = Path.of("src/test/resources/earlier-data/boot-3.5");
    private static final String PASSWORD = "a long enough password";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    private final Map<String, String> accessTokens = new HashMap<>();

    @Test
    void aDataFolderOfTheEarlierBuildOpensWithThisOne() throws IOException {
        String writeTo = System.getProperty("duet.fixtures.write-data");
        if (writeTo != null) {
            writeFolder(Path.of(writeTo));
            return;
        }
        copy(EARLIER.resolve("data-folder"), dataDir);
        Properties expected = new Properties();
        try (InputStream in = Files.newInputStream(EARLIER.resolve("expected.properties"))) {
            expected.load(in);
        }
        try (ConfigurableApplicationContext product = start()) {
            BrowserSignIn browser = new BrowserSignIn(baseUrl(product));
            String alex = expected.getProperty("alex.account");
            accessTokens.put(alex, browser.signIn(expected.getProperty("alex.email"), PASSWORD).accessToken());
            CommandClient http = new CommandClient(baseUrl(product), accessTokens::get);
            for (String view : new String[]{"couple", "session"}) {
                JsonNode before = JSON.readTree(renamed(expected.getProperty(view + ".view")));
                JsonNode after = awaitView(http, alex, expected.getProperty(view + ".path"), before.path("version").asLong());
                // Everything the earlier build showed, shown the same; a list added since may come on top.
                tools.jackson.databind.node.ObjectNode shown = JSON.createObjectNode();
                before.propertyNames().forEach(name -> shown.set(name, after.get(name)));
                assertThat(shown).as(view).isEqualTo(before);
            }
        }
    }

    /**
     * A view field renamed since, as docs/STOMP.md says: the earlier build's value under its new name
     * (a step's partners who had submitted their answers are those ready for its reveal).
     */
    private static String renamed(String view) {
        return view.replace("\"submittedBy\":", "\"readyBy\":");
    }

    private void writeFolder(Path target) throws IOException {
        Properties expected = new Properties();
        try (ConfigurableApplicationContext product = start()) {
            BrowserSignIn browser = new BrowserSignIn(baseUrl(product));
            String alexEmail = "alex-" + UUID.randomUUID() + "@duet.test";
            String alex = signUpAndIn(browser, alexEmail, "Alex");
            String sam = signUpAndIn(browser, "sam-" + UUID.randomUUID() + "@duet.test", "Sam");
            CommandClient http = new CommandClient(baseUrl(product), accessTokens::get);
            CommandClient.PairedSession paired = http.pairAndJoinSession(alex, sam);
            String session = "/api/commands/sessions/" + paired.sessionId();
            String bid = http.post(alex, session + "/bids", "{\"words\":\"Walk after dinner?\"}").get("bidId").asString();
            http.post(sam, session + "/bids/" + bid + "/answer", "{\"response\":\"TOWARD\"}");
            http.post(sam, session + "/bids", "{\"words\":\"Tea on the balcony?\"}");
            expected.setProperty("alex.account", alex);
            expected.setProperty("alex.email", alexEmail);
            expected.setProperty("couple.path", "/api/queries/couples/" + paired.coupleId());
            expected.setProperty("couple.view", awaitView(http, alex, expected.getProperty("couple.path"), 3).toString());
            expected.setProperty("session.path", "/api/queries/sessions/" + paired.sessionId());
            expected.setProperty("session.view", awaitView(http, alex, expected.getProperty("session.path"), 6).toString());
        }
        copy(dataDir, target.resolve("data-folder"));
        try (OutputStream out = Files.newOutputStream(target.resolve("expected.properties"))) {
            expected.store(out, "Written by DataFolderOfAnEarlierBuildTest on the build that wrote data-folder/");
        }
    }

    private String signUpAndIn(BrowserSignIn browser, String email, String name) {
        String accountId = browser.signUp(email, PASSWORD, name, "PARTNER").get("accountId").asString();
        accessTokens.put(accountId, browser.signIn(email, PASSWORD).accessToken());
        return accountId;
    }

    private ConfigurableApplicationContext start() {
        return StandaloneApplication.start("--server.port=0", "--duet.data-dir=" + dataDir);
    }

    private static JsonNode awaitView(CommandClient http, String reader, String path, long version) {
        return await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> http.get(reader, path), view -> view.path("version").asLong() == version);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static String baseUrl(ConfigurableApplicationContext context) {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
