package app.duet.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged standalone jar run as an operator runs it: a process of its own on a data folder,
 * ready when {@code /actuator/health/readiness} answers 200 (every projection at the head it saw at
 * start), ended with SIGKILL as a crash would end it.
 */
final class PackagedProduct {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path jar;
    private final Path dataDir;
    private final Path log;
    private final int port;
    private Process process;

    private final List<String> jvmOptions = new java.util.ArrayList<>();

    PackagedProduct(Path jar, Path dataDir, Path log) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No packaged product at " + jar.toAbsolutePath()
                    + ": build it first (./mvnw -pl standalone -am package -DskipTests)");
        }
        this.jar = jar;
        this.dataDir = dataDir;
        this.log = log;
        this.port = freePort();
    }

    /** Run from the checkout's root or from bench/ (spring-boot:run's working directory). */
    static String defaultJar() {
        Path fromRoot = Path.of("standalone/target/duet-standalone-exec.jar");
        return Files.exists(fromRoot) ? fromRoot.toString() : "../standalone/target/duet-standalone-exec.jar";
    }

    /** JVM options added to the product's own (e.g. native memory tracking for the soak). */
    PackagedProduct withJvmOptions(String... options) {
        jvmOptions.addAll(List.of(options));
        return this;
    }

    /** Starts the process and returns the seconds from its start until it is ready. */
    double startAndAwaitReady(Duration atMost) throws IOException, InterruptedException {
        return startAndAwait("/actuator/health/readiness", atMost);
    }

    /** Starts the process and returns the seconds until it is live: it takes commands, its projections may still be catching up. */
    double startAndAwaitLive(Duration atMost) throws IOException, InterruptedException {
        return startAndAwait("/actuator/health/liveness", atMost);
    }

    private double startAndAwait(String health, Duration atMost) throws IOException, InterruptedException {
        long started = System.nanoTime();
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-Daxoniq.update-checker.disabled=true"));
        command.addAll(jvmOptions);
        command.addAll(ProductJvm.extraOptions());
        command.addAll(List.of("-jar", jar.toString(),
                "--server.port=" + port, "--duet.data-dir=" + dataDir, "--logging.level.root=WARN",
                // The fill is about volume, not the limits, and outlasts a 10-minute access token.
                "--duet.identity.access-token-ttl=2h"));
        command.addAll(Stack.NO_LIMITS);
        process = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        Process running = process;
        Runtime.getRuntime().addShutdownHook(new Thread(running::destroyForcibly));
        long deadline = started + atMost.toNanos();
        while (status(health) != 200) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("Not ready within " + atMost + " (alive: " + process.isAlive() + "); see " + log);
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        return (System.nanoTime() - started) / 1e9;
    }

    /** SIGKILL: no shutdown hook, no last commit. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("The product did not end after SIGKILL");
        }
    }

    long pid() {
        return process.pid();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    String text(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private int status(String path) {
        return statusOf(baseUrl() + path);
    }

    /** The HTTP status a URL answers with, or -1 while nothing listens there yet. */
    static int statusOf(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException notListeningYet) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
