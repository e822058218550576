package app.duet.standalone.faults;

import app.duet.identity.BrowserSignIn;
import app.duet.testing.CommandClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Acknowledged means kept, tried as an operator would: the packaged standalone jar runs as its own
 * process, partners send a burst of commands from several threads, and the process is killed with
 * SIGKILL, once while the burst is still running and once right after it. Started again on the same
 * data folder, every command that was answered 2xx has its effect, and none has it twice.
 */
class KillAndRestartIT {

    private static final Path JAR = Path.of("target/duet-standalone-exec.jar");
    private static final int OPERATIONS = 200;
    private static final String PASSWORD = "a long enough password";

    @TempDir
    Path dataDir;

    private final Map<String, String> tokens = new HashMap<>();
    private Process product;
    private int port;

    @AfterEach
    void stop() throws InterruptedException {
        if (product != null) {
            product.destroyForcibly();
            product.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void killedDuringABurstEveryAnsweredCommandIsKept() throws Exception {
        killAndCount("kill-during", true);
    }

    @Test
    void killedRightAfterABurstEveryAnsweredCommandIsKept() throws Exception {
        killAndCount("kill-after", false);
    }

    private void killAndCount(String fault, boolean duringTheBurst) throws Exception {
        port = freePort();
        start();
        BrowserSignIn browser = new BrowserSignIn(baseUrl());
        String alex = signUpAndIn(browser, "Alex");
        String sam = signUpAndIn(browser, "Sam");
        CommandClient http = new CommandClient(baseUrl(), tokens::get);
        String coupleId = http.pairAndJoinSession(alex, sam).coupleId();
        String appreciations = "/api/commands/couples/" + coupleId + "/appreciations";

        Set<String> answered = ConcurrentHashMap.newKeySet();
        AtomicInteger sent = new AtomicInteger();
        AtomicBoolean killed = new AtomicBoolean();
        ExecutorService partners = Executors.newFixedThreadPool(4);
        for (int thread = 0; thread < 4; thread++) {
            String partner = thread % 2 == 0 ? alex : sam;
            partners.submit(() -> {
                while (!killed.get() && (duringTheBurst || sent.get() < OPERATIONS)) {
                    String words = fault + " " + sent.incrementAndGet() + " " + UUID.randomUUID();
                    try {
                        HttpResponse<String> answer = http.send(partner, appreciations, "{\"words\":\"" + words + "\"}");
                        if (answer.statusCode() / 100 == 2) {
                            answered.add(words);
                        }
                    } catch (Throwable refusedOrCut) {
                        // The process is gone: whatever was not answered may or may not have happened.
                    }
                }
                return null;
            });
        }
        try {
            if (duringTheBurst) {
                await().atMost(Duration.ofSeconds(60)).until(() -> answered.size() >= OPERATIONS);
            } else {
                partners.shutdown();
                assertThat(partners.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            }
            kill();
        } finally {
            killed.set(true);
            partners.shutdownNow();
            partners.awaitTermination(10, TimeUnit.SECONDS);
        }
        Set<String> acknowledged = Set.copyOf(answered);

        start();
        List<String> kept = caughtUp(http, alex, "/api/queries/couples/" + coupleId, acknowledged);
        long lost = acknowledged.stream().filter(words -> !kept.contains(words)).count();
        long duplicated = kept.size() - kept.stream().distinct().count();
        System.out.printf("fault %s operations=%d lost=%d duplicated=%d%n", fault, acknowledged.size(), lost, duplicated);

        // The views the restart resumed (from the views file as the kill left it) against a rebuild from
        // the first event: killed once more, the views file deleted, started again.
        String couplePath = "/api/queries/couples/" + coupleId;
        JsonNode resumed = http.get(alex, couplePath);
        kill();
        Files.deleteIfExists(dataDir.resolve("views.mv"));
        start();
        JsonNode rebuilt = await().atMost(Duration.ofSeconds(120)).ignoreExceptions()
                .until(() -> http.get(alex, couplePath), view -> view.path("version").asLong() >= resumed.path("version").asLong());
        if (lost > 0) {
            List<String> missing = acknowledged.stream().filter(words -> !kept.contains(words)).toList();
            System.out.printf("fault %s: missing after the restart %s; resumed view v%d with %d appreciations (%d without words); "
                            + "rebuilt view v%d holds them: %s%n", fault, missing, resumed.path("version").asLong(),
                    resumed.path("appreciations").size(), wordsOf(resumed).stream().filter(words -> words.isEmpty() || words.equals("null")).count(),
                    rebuilt.path("version").asLong(), wordsOf(rebuilt).containsAll(missing));
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(OPERATIONS);
        assertThat(lost).as("answered, then gone after the restart").isZero();
        assertThat(duplicated).as("kept twice").isZero();
        assertThat(rebuilt).as("the views after the restart, against a rebuild from the first event").isEqualTo(resumed);
    }

    /**
     * The couple's appreciations once its view holds every answered one, or has stopped changing
     * for five seconds: the projection has then replayed every stored event, and what is missing is lost.
     */
    private static List<String> caughtUp(CommandClient http, String reader, String path, Set<String> expected) {
        AtomicReference<List<String>> words = new AtomicReference<>(List.of());
        AtomicLong lastVersion = new AtomicLong(-1);
        AtomicLong unchangedSince = new AtomicLong(System.nanoTime());
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() -> {
            JsonNode view;
            try {
                view = http.get(reader, path);
                // The view holds the newest appreciations; the older ones come a page at a time.
                words.set(http.allItems(reader, path, "appreciations").stream()
                        .map(appreciation -> appreciation.path("words").asString()).toList());
            } catch (AssertionError notYetServed) {
                unchangedSince.set(System.nanoTime());
                return false;
            }
            if (lastVersion.getAndSet(view.path("version").asLong()) != view.path("version").asLong()) {
                unchangedSince.set(System.nanoTime());
            }
            return words.get().containsAll(expected)
                    || System.nanoTime() - unchangedSince.get() > Duration.ofSeconds(5).toNanos();
        });
        return words.get();
    }

    private static List<String> wordsOf(JsonNode couple) {
        List<String> words = new ArrayList<>();
        couple.path("appreciations").forEach(appreciation -> words.add(appreciation.path("words").asString()));
        return words;
    }

    private void start() throws IOException {
        assertThat(JAR).as("the packaged product (mvn package builds it before the integration tests)").exists();
        // Kept for a failed run: target/faults/standalone-*.log.
        Path log = Files.createTempFile(Files.createDirectories(Path.of("target/faults")), "standalone-", ".log");
        product = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", JAR.toString(), "--server.port=" + port, "--duet.data-dir=" + dataDir,
                // The burst is about durability, not the per-account limit: let every command through.
                "--duet.access.commands-per-second=10000", "--duet.access.command-burst=10000")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        HttpClient client = HttpClient.newHttpClient();
        AtomicReference<String> lastHealth = new AtomicReference<>("no answer yet");
        try {
            // Start and catching up on a loaded machine: up to three minutes (a rebuild from the first event included).
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(250)).ignoreExceptions().until(() -> {
                HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                lastHealth.set(health.statusCode() + " " + health.body());
                return health.statusCode() == 200;
            });
        } catch (org.awaitility.core.ConditionTimeoutException notReady) {
            throw new AssertionError("Not healthy within three minutes; last health: " + lastHealth.get() + "; log: " + log, notReady);
        }
    }

    /** SIGKILL: no shutdown hook, no flush, as a crash or the OOM killer would end it. */
    private void kill() throws InterruptedException {
        product.destroyForcibly();
        assertThat(product.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    private String signUpAndIn(BrowserSignIn browser, String name) {
        String email = name.toLowerCase() + "-" + UUID.randomUUID() + "@duet.test";
        String accountId = browser.signUp(email, PASSWORD, name, "PARTNER").get("accountId").asString();
        tokens.put(accountId, browser.signIn(email, PASSWORD).accessToken());
        return accountId;
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
