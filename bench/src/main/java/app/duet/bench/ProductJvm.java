package app.duet.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One of the product's packaged jars run as an operator runs it ({@code java -jar}), in a process of
 * its own on a free port, its output in a log file; stopped with SIGTERM (SIGKILL if it hangs).
 */
final class ProductJvm implements AutoCloseable {


    final String name;
    final int port;
    final Path log;
    private final Process process;
    private final long startedNanos;

    private ProductJvm(String name, int port, Path log, Process process, long startedNanos) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
        this.startedNanos = startedNanos;
    }

    /** Starts {@code java [jvmOptions] -jar jar --server.port=P [arguments]} ({port} in them is P); does not wait. */
    static ProductJvm start(String name, Path jar, List<String> jvmOptions, List<String> arguments) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No packaged jar at " + jar.toAbsolutePath() + ": bench/run builds it");
        }
        int port = freePort();
        Path log = Files.createTempFile("duet-bench-" + name + "-", ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Daxoniq.update-checker.disabled=true"));
        command.addAll(jvmOptions);
        command.addAll(extraOptions());
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port, "--logging.level.root=WARN"));
        arguments.forEach(argument -> command.add(argument.replace("{port}", Integer.toString(port))));
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        System.out.printf("Started %s (pid %d, port %d, log %s)%n", name, process.pid(), port, log);
        return new ProductJvm(name, port, log, process, started);
    }

    /**
     * Options every product JVM gets from {@code BENCH_PRODUCT_JVM_OPTIONS} (space-separated), to see
     * what limits a figure: e.g. {@code -XX:StartFlightRecording=filename=/tmp/jfr/,settings=profile}
     * records each product JVM until it is stopped.
     */
    static List<String> extraOptions() {
        String options = System.getenv().getOrDefault("BENCH_PRODUCT_JVM_OPTIONS", "").strip();
        return options.isEmpty() ? List.of() : List.of(options.split("\\s+"));
    }

    /** The jar named so under the checkout's root (bench/run runs from there) or its parent (from bench/). */
    static Path jar(String relative) {
        Path fromRoot = Path.of(relative);
        return Files.exists(fromRoot) ? fromRoot : Path.of("..").resolve(relative);
    }

    /** Waits until {@code path} answers 200; returns seconds since the process started. */
    double awaitStatus200(String path, Duration atMost) throws InterruptedException {
        long deadline = startedNanos + atMost.toNanos();
        while (status(path) != 200) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " did not answer 200 on " + path + " within " + atMost
                        + " (alive: " + process.isAlive() + "); see " + log);
            }
            TimeUnit.MILLISECONDS.sleep(10);
        }
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    private int status(String path) {
        return PackagedProduct.statusOf(base() + path);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
