package app.duet.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Cold start: {@code java -jar} of the standalone jar on an empty data folder until the page
 * answers its first 200, and until readiness (every projection caught up). Started {@code --runs}
 * times; the first start on a machine also pays for reading the jar from disk.
 * {@code --jvm=...} adds JVM options (space-separated). {@code --cds=true} also starts it as Spring
 * Boot's documentation suggests for class data sharing: the jar extracted
 * ({@code -Djarmode=tools extract}), one training run that stops once the context is refreshed and
 * writes the archive ({@code -XX:ArchiveClassesAtExit}), then starts with {@code -XX:SharedArchiveFile}.
 * <p>
 * {@code bench/run start --runs=3 --cds=true}
 */
final class StartBench {

    private static final String S = "start";

    static void main(String[] args) throws Exception {
        Map<String, String> options = Bench.options(args);
        int runs = Integer.parseInt(options.getOrDefault("runs", "3"));
        List<String> jvm = new ArrayList<>(List.of("-Xmx1g"));
        if (options.containsKey("jvm")) {
            jvm.addAll(Arrays.asList(options.get("jvm").split(" ")));
        }
        Figures.machineLoad(S, "before");
        Path jar = ProductJvm.jar("standalone/target/duet-standalone-exec.jar");
        Figures.line(S, "cold-start", starts("", jar, jvm, runs), "s");
        Figures.line(S, "cold-start-goal", 5, "s");
        if (Boolean.parseBoolean(options.getOrDefault("cds", "false"))) {
            Path extracted = Files.createTempDirectory("duet-bench-cds");
            run(List.of(java(), "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination", extracted.toString()));
            Path app = extracted.resolve(jar.getFileName());
            Path archive = extracted.resolve("duet.jsa");
            Path data = Files.createTempDirectory("duet-bench-start");
            long training = System.nanoTime();
            run(List.of(java(), "-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh", "-jar", app.toString(),
                    "--server.port=0", "--duet.data-dir=" + data, "--logging.level.root=WARN"));
            Figures.line(S, "cds-training-run", (System.nanoTime() - training) / 1e9, "s");
            List<String> shared = new ArrayList<>(jvm);
            shared.add("-XX:SharedArchiveFile=" + archive);
            Figures.line(S, "cold-start-cds", starts("cds-", app, shared, runs), "s");
            delete(data);
            delete(extracted);
        }
        Figures.machineLoad(S, "after");
    }

    /** The fastest of {@code runs} starts to the page's first 200, each on an empty folder. */
    private static double starts(String prefix, Path jar, List<String> jvm, int runs) throws Exception {
        double best = Double.MAX_VALUE;
        for (int run = 1; run <= runs; run++) {
            Path data = Files.createTempDirectory("duet-bench-start");
            try (ProductJvm product = ProductJvm.start("standalone", jar, jvm, List.of("--duet.data-dir=" + data))) {
                double page = product.awaitStatus200("/", Duration.ofMinutes(10));
                double ready = product.awaitStatus200("/actuator/health/readiness", Duration.ofMinutes(10));
                Figures.line(S, prefix + "cold-start-run-" + run, page, "s");
                Figures.line(S, prefix + "ready-run-" + run, ready, "s");
                best = Math.min(best, page);
            } finally {
                delete(data);
            }
        }
        return best;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(Files.createTempFile("duet-bench-cds-", ".log").toFile())).start();
        if (!process.waitFor(15, java.util.concurrent.TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("Failed: " + String.join(" ", command));
        }
    }

    private static void delete(Path folder) throws java.io.IOException {
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private StartBench() {
    }
}
