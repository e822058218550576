package app.duet.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Several query-service instances sharing the work: {@link LiveBench}'s load on the distributed stack
 * with its pushes relayed through RabbitMQ and every request through nginx, first with one
 * query-service, then with two. On one 2-core machine a second instance adds no CPU, so the gates are
 * that each instance holds about half of every processor's segments and that p99 with two stays
 * within 1.3x of p99 with one, with nothing missing.
 * <p>
 * {@code bench/run scale --couples=100 --seconds=30}
 */
final class ScaleBench {

    private static final String S = "scale";
    private static final List<String> PROCESSORS = List.of("live-views", "therapist-only", "cycle-state");
    private static final Pattern HELD = Pattern.compile(
            "duet_projection_segments_held\\{[^}]*processor=\"([^\"]+)\"[^}]*} ([0-9.]+)");

    private final List<Boolean> evenSplits = new ArrayList<>();

    static void main(String[] args) throws Exception {
        Map<String, String> options = Bench.options(args);
        int couples = Integer.parseInt(options.getOrDefault("couples", "100"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "30"));
        int interval = Integer.parseInt(options.getOrDefault("interval", "20"));
        int warmup = LiveBench.warmupSeconds(options);
        Figures.machineLoad(S, "before");
        FloorBench.Floor floor = FloorBench.measure(S, "", 100, Integer.parseInt(options.getOrDefault("floor-seconds", "10")));
        ScaleBench scale = new ScaleBench();
        LiveBench load = new LiveBench(S);
        Accounts accounts = new Accounts(options);
        int failures = floor.missing();
        failures += load.run("relay-1", accounts, new int[]{couples}, seconds, warmup, interval, floor, scale::segmentsHeld);
        failures += load.run("relay-2", accounts, new int[]{couples}, seconds, warmup, interval, floor, scale::segmentsHeld);
        double one = load.p99s.get("relay-1-" + couples);
        double two = load.p99s.get("relay-2-" + couples);
        Figures.line(S, "p99-two-instances-vs-one", two / one, "x");
        boolean split = !scale.evenSplits.isEmpty() && scale.evenSplits.stream().allMatch(Boolean::booleanValue);
        Figures.gate(S, "segments-split-between-instances", split, "every processor's segments held about half by each instance");
        Figures.gate(S, "two-instances-p99-within-1.3x-of-one", two <= 1.3 * one && failures == 0,
                String.format("%.1f ms vs %.1f ms = %.2fx, %d missing/refused/shut", two, one, two / one, failures));
        Figures.machineLoad(S, "after");
        if (failures > 0) {
            throw new IllegalStateException(failures + " pushes missing, commands refused or screens shut: the run fails");
        }
    }

    /** Prints how many segments of each processor every query-service instance holds, and whether that is its share. */
    private void segmentsHeld(Stack stack) {
        List<ProductJvm> queries = stack.jvms().stream().filter(jvm -> jvm.name.startsWith("query-service")).toList();
        for (String processor : PROCESSORS) {
            int total = 0;
            List<Integer> held = new ArrayList<>();
            for (ProductJvm query : queries) {
                int segments = segmentsHeld(query, processor);
                held.add(segments);
                total += segments;
                Figures.line(S, stack.name + "-" + query.name + "-" + processor + "-segments-held", segments, "segments");
            }
            int fewest = total / queries.size();
            int share = (total + queries.size() - 1) / queries.size();
            evenSplits.add(held.stream().allMatch(segments -> segments >= fewest && segments <= share));
        }
    }

    private static int segmentsHeld(ProductJvm query, String processor) {
        try {
            HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(query.base() + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString());
            Matcher matcher = HELD.matcher(metrics.body());
            while (matcher.find()) {
                if (matcher.group(1).equals(processor)) {
                    return (int) Double.parseDouble(matcher.group(2));
                }
            }
            return 0;
        } catch (java.io.IOException | InterruptedException unreadable) {
            throw new IllegalStateException("Could not read " + query.name + "'s metrics", unreadable);
        }
    }
}
