package app.duet.standalone.backup;

import app.duet.identity.BrowserSignIn;
import app.duet.standalone.StandaloneApplication;
import app.duet.testing.CommandClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A backup taken while Duet runs restores to a Duet that starts and serves the same views: the
 * partners' words read again (their couple's data key came along), their passwords and even their
 * tokens from before still work (accounts and the issuer's key came along), and what was written
 * after the backup is not there. Only an admin may take one. A couple erased after a backup stays
 * erased when that backup is restored: the erasure ledger, kept beside the key-encryption key and out
 * of the backup, has its key destroyed again.
 */
class BackupAndRestoreTest {

    private static final String PASSWORD = "a long enough password";
    private static final String ADMIN_EMAIL = "admin@duet.test";
    private static final String ADMIN_PASSWORD = "the admin's long password";

    @TempDir
    Path running;
    @TempDir
    Path restored;
    /** The keys folder stays where it is across a restore: it is not in the backup. */
    @TempDir
    Path keys;

    private final Map<String, String> tokens = new HashMap<>();

    @Test
    void aBackupTakenWhileRunningRestoresToTheSameViews() throws IOException {
        String alex;
        String alexEmail;
        String couple;
        String session;
        JsonNode coupleBefore;
        JsonNode sessionBefore;
        Path backup;
        try (ConfigurableApplicationContext product = start(running)) {
            BrowserSignIn browser = new BrowserSignIn(baseUrl(product));
            alexEmail = "alex-" + UUID.randomUUID() + "@duet.test";
            alex = signUpAndIn(browser, alexEmail, "Alex");
            String sam = signUpAndIn(browser, "sam-" + UUID.randomUUID() + "@duet.test", "Sam");
            CommandClient http = new CommandClient(baseUrl(product), tokens::get);
            CommandClient.PairedSession paired = http.pairAndJoinSession(alex, sam);
            String commands = "/api/commands/sessions/" + paired.sessionId();
            String bid = http.post(alex, commands + "/bids", "{\"words\":\"Walk after dinner?\"}").get("bidId").asString();
            http.post(sam, commands + "/bids/" + bid + "/answer", "{\"response\":\"TOWARD\"}");
            http.post(sam, "/api/commands/couples/" + paired.coupleId() + "/appreciations", "{\"words\":\"Thank you for the tea\"}");
            couple = "/api/queries/couples/" + paired.coupleId();
            session = "/api/queries/sessions/" + paired.sessionId();
            coupleBefore = awaitView(http, alex, couple, 4);
            sessionBefore = awaitView(http, alex, session, 5);

            assertThat(http.send(sam, "/api/commands/admin/backups", null).statusCode())
                    .as("a partner may not take a backup").isEqualTo(403);
            tokens.put("admin", browser.signIn(ADMIN_EMAIL, ADMIN_PASSWORD).accessToken());
            JsonNode taken = http.post("admin", "/api/commands/admin/backups", null);
            assertThat(taken.get("file").asString()).as("no server path in the answer").startsWith("backups/");
            backup = running.resolve(taken.get("file").asString());
            assertThat(backup).exists();
            assertThat(java.nio.file.Files.getPosixFilePermissions(backup))
                    .as("the backup holds every couple's key: its owner alone may read it")
                    .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                            java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);

            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(running)))
                    .as("the data folder is its owner's alone").isEqualTo("rwx------");
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(running.resolve("events.mv.db"))))
                    .isEqualTo("rw-------");

            http.post(alex, commands + "/bids", "{\"words\":\"Written after the backup\"}");
            awaitView(http, alex, session, 6);
        }

        unzip(backup, restored);
        assertThat(restored.resolve("views.mv")).as("views rebuild from the events").doesNotExist();
        try (ConfigurableApplicationContext product = start(restored)) {
            CommandClient http = new CommandClient(baseUrl(product), tokens::get);
            assertThat(awaitView(http, alex, couple, 4)).isEqualTo(coupleBefore);
            assertThat(awaitView(http, alex, session, 5)).isEqualTo(sessionBefore);
            assertThat(sessionBefore.path("bids").findValuesAsString("words")).containsExactly("Walk after dinner?");

            tokens.put(alex, new BrowserSignIn(baseUrl(product)).signIn(alexEmail, PASSWORD).accessToken());
            assertThat(http.get(alex, couple)).isEqualTo(coupleBefore);
        }
    }

    @Test
    void aCoupleErasedAfterABackupStaysErasedWhenThatBackupIsRestored() throws IOException {
        String alex;
        String coupleId;
        Path backup;
        try (ConfigurableApplicationContext product = start(running)) {
            BrowserSignIn browser = new BrowserSignIn(baseUrl(product));
            alex = signUpAndIn(browser, "alex-" + UUID.randomUUID() + "@duet.test", "Alex");
            String sam = signUpAndIn(browser, "sam-" + UUID.randomUUID() + "@duet.test", "Sam");
            CommandClient http = new CommandClient(baseUrl(product), tokens::get);
            coupleId = http.pairAndJoinSession(alex, sam).coupleId();
            http.post(sam, "/api/commands/couples/" + coupleId + "/appreciations", "{\"words\":\"Thank you for the tea\"}");
            awaitView(http, alex, "/api/queries/couples/" + coupleId, 4);
            assertThat(keyOf(product, coupleId)).as("kept wrapped, never in the clear").startsWith("kek1:");
            tokens.put("admin", browser.signIn(ADMIN_EMAIL, ADMIN_PASSWORD).accessToken());
            backup = running.resolve(http.post("admin", "/api/commands/admin/backups", null).get("file").asString());

            http.post(alex, "/api/commands/couples/" + coupleId + "/erase", null);
            await().atMost(Duration.ofSeconds(20)).until(() -> keyOf(product, coupleId) == null);
        }
        assertThat(Files.readString(keys.resolve("erasures.ledger"))).contains(coupleId).doesNotContain("Alex", "Sam");

        unzip(backup, restored);
        try (ConfigurableApplicationContext product = start(restored)) {
            // The restored database held the couple's key; the ledger beside the key-encryption key did not forget.
            await().atMost(Duration.ofSeconds(30)).until(() -> keyOf(product, coupleId) == null);
            JdbcClient events = product.getBean(JdbcClient.class);
            assertThat(events.sql("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type LIKE '%CoupleErased'")
                    .params(coupleId).query(Long.class).single()).as("erased again, as an event every view hears").isEqualTo(1);
            CommandClient http = new CommandClient(baseUrl(product), tokens::get);
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    http.getWithToken(tokens.get(alex), "/api/queries/couples/" + coupleId).statusCode() == 403);
            MongoTemplate views = product.getBean(MongoTemplate.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> views.getCollectionNames().stream()
                    .noneMatch(collection -> views.findAll(org.bson.Document.class, collection).toString().contains(coupleId)));
            for (String collection : views.getCollectionNames()) {
                assertThat(views.findAll(org.bson.Document.class, collection).toString()).as(collection)
                        .doesNotContain("Thank you for the tea");
            }
        }
    }

    private static String keyOf(ConfigurableApplicationContext product, String coupleId) {
        return product.getBean(JdbcClient.class).sql("SELECT key_material FROM couple_key WHERE couple_id = ?")
                .params(coupleId).query(String.class).optional().orElse(null);
    }

    private ConfigurableApplicationContext start(Path dataDir) {
        return StandaloneApplication.start("--server.port=0", "--duet.data-dir=" + dataDir, "--duet.keys.dir=" + keys,
                "--duet.identity.accounts[0].email=" + ADMIN_EMAIL,
                "--duet.identity.accounts[0].password=" + ADMIN_PASSWORD,
                "--duet.identity.accounts[0].display-name=Operator",
                "--duet.identity.accounts[0].role=ADMIN");
    }

    private String signUpAndIn(BrowserSignIn browser, String email, String name) {
        String accountId = browser.signUp(email, PASSWORD, name, "PARTNER").get("accountId").asString();
        tokens.put(accountId, browser.signIn(email, PASSWORD).accessToken());
        return accountId;
    }

    private static JsonNode awaitView(CommandClient http, String reader, String path, long version) {
        return await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> http.get(reader, path), view -> view.path("version").asLong() == version);
    }

    /** What an operator does with {@code unzip BACKUP -d DATA_DIR}. */
    private static void unzip(Path zip, Path into) throws IOException {
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                Path target = into.resolve(entry.getName()).normalize();
                assertThat(target.startsWith(into)).as(entry.getName()).isTrue();
                Files.copy(entries, target);
            }
        }
    }

    private static String baseUrl(ConfigurableApplicationContext context) {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
