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
 * {@code --jvm=...} adds JVM options (space-separated), e.g. to try a class data archive.
 * <p>
 * {@code bench/run start --runs=3}
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
        double best = Double.MAX_VALUE;
        for (int run = 1; run <= runs; run++) {
            Path data = Files.createTempDirectory("duet-bench-start");
            try (ProductJvm product = ProductJvm.start("standalone", ProductJvm.jar("standalone/target/duet-standalone-exec.jar"),
                    jvm, List.of("--duet.data-dir=" + data))) {
                double page = product.awaitStatus200("/", Duration.ofMinutes(3));
                double ready = product.awaitStatus200("/actuator/health/readiness", Duration.ofMinutes(3));
                Figures.line(S, "cold-start-run-" + run, page, "s");
                Figures.line(S, "ready-run-" + run, ready, "s");
                best = Math.min(best, page);
            } finally {
                try (var files = Files.walk(data)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
        }
        Figures.line(S, "cold-start", best, "s");
        Figures.line(S, "cold-start-goal", 5, "s");
        Figures.machineLoad(S, "after");
    }

    private StartBench() {
    }
}
