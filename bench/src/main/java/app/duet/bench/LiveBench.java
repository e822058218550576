package app.duet.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Many couples in session at once, at a human pace, on the product started from its packaged jars
 * ({@link Stack}), driven from this JVM. Each partner makes a bid about once every
 * {@code --interval} seconds (1,000 couples: 100 commands a second); the figure is command sent →
 * each recipient's push (both partners, and the observing therapist of every tenth couple), against
 * this machine's floor ({@link FloorBench}) measured at the start of the same run. A push that
 * never comes, a refused command or a screen the server shut fails the run.
 * <p>
 * {@code bench/run live --couples=100,300,1000 --stacks=standalone,distributed --seconds=60}
 */
final class LiveBench {

    private static final String S = "live";
    /** How long the open screens are watched with nobody acting, before the loaded phases. */
    private static final java.time.Duration QUIET = java.time.Duration.ofSeconds(10);

    /** A bid on its way: when it was due, and which screens of its couple have not shown it yet. */
    private record Pending(long dueNanos, Map<Integer, Boolean> waiting) {
    }

    private final Map<LiveCouples.Couple, Map<String, Pending>> pending = new ConcurrentHashMap<>();
    private final List<Long> pushes = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> accepted = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger refused = new AtomicInteger();
    /** The scenario whose lines these are: {@code live}, or {@code scale} running the same load. */
    private final String scenario;
    /** command → push p99 in ms, by stack and couples ("relay-2-300"). */
    final Map<String, Double> p99s = new java.util.LinkedHashMap<>();

    LiveBench(String scenario) {
        this.scenario = scenario;
    }

    static void main(String[] args) throws Exception {
        Map<String, String> options = Bench.options(args);
        int[] sizes = Arrays.stream(options.getOrDefault("couples", "100,300,1000").split(",")).mapToInt(Integer::parseInt).toArray();
        List<String> stacks = List.of(options.getOrDefault("stacks", "standalone,distributed").split(","));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "60"));
        int interval = Integer.parseInt(options.getOrDefault("interval", "20"));
        int warmup = warmupSeconds(options);
        Figures.machineLoad(S, "before");
        FloorBench.Floor floor = FloorBench.measure(S, "", 100, Integer.parseInt(options.getOrDefault("floor-seconds", "20")));
        int failures = floor.missing();
        for (String name : stacks) {
            failures += new LiveBench(S).run(name, new Accounts(options), sizes, seconds, warmup, interval, floor, stack -> { });
        }
        Figures.line(S, "p99-goal", 50, "ms");
        Figures.machineLoad(S, "after");
        if (failures > 0) {
            throw new IllegalStateException(failures + " pushes missing, commands refused or screens shut: the run fails");
        }
    }

    /**
     * Opens the largest number of couples once, runs the largest size for {@code warmup} seconds, then each
     * size on the first N of them; returns failures. The warm-up is measured and printed like any phase
     * (under {@code STACK-warmup-N-…}); its latencies are gated on nothing, though a push it misses or a
     * command it has refused still fails the run: a fresh JVM spends its first minutes compiling
     * (the JIT's threads took a third of the product's CPU in the first 30 s at 1,000 couples), and
     * the gates are about the product as it runs, not as it starts.
     */
    int run(String stackName, Accounts accounts, int[] sizes, int seconds, int warmup, int interval, FloorBench.Floor floor,
            java.util.function.Consumer<Stack> afterPhases) throws Exception {
        int largest = Arrays.stream(sizes).max().orElseThrow();
        ExecutorService pool = Executors.newFixedThreadPool(64);
        int failures = 0;
        long startAt = System.nanoTime();
        try (Stack stack = Stack.start(stackName, true, accounts.productArguments())) {
            Figures.line(scenario, stackName + "-start", (System.nanoTime() - startAt) / 1e9, "s");
            System.out.printf("Opening %d couples on %s…%n", largest, stackName);
            long opening = System.nanoTime();
            try (LiveCouples live = LiveCouples.open(stack, accounts, largest, Executors.newFixedThreadPool(16), this::heard)) {
                Figures.line(scenario, stackName + "-open-" + largest + "-couples", (System.nanoTime() - opening) / 1e9, "s");
                quiet(stack, largest);
                if (warmup > 0) {
                    failures += phase(stack, live, true, largest, warmup, interval, pool, floor);
                }
                for (int size : sizes) {
                    failures += phase(stack, live, false, size, seconds, interval, pool, floor);
                }
                afterPhases.accept(stack);
            }
        } finally {
            pool.shutdownNow();
        }
        return failures;
    }

    /** {@code --warmup-seconds}, 60 unless given: how long the largest size runs before any measured phase. */
    static int warmupSeconds(Map<String, String> options) {
        return Integer.parseInt(options.getOrDefault("warmup-seconds", "60"));
    }

    /**
     * What every open screen costs while nobody acts (heart-beats, presence, the processors' waits): the
     * product's CPU over {@link #QUIET} with all of them connected, the floor under every loaded phase.
     */
    private void quiet(Stack stack, int couples) throws InterruptedException {
        TimeUnit.SECONDS.sleep(5);
        Figures.Cpu cpu = new Figures.Cpu(stack.pids());
        TimeUnit.MILLISECONDS.sleep(QUIET.toMillis());
        cpu.print(scenario, "-" + stack.name + "-" + couples + "-quiet");
    }

    private int phase(Stack stack, LiveCouples live, boolean warmup, int size, int seconds, int interval, ExecutorService pool,
                      FloorBench.Floor floor) throws Exception {
        String p = stack.name + (warmup ? "-warmup-" : "-") + size + "-";
        pending.clear();
        pushes.clear();
        accepted.clear();
        refused.set(0);
        List<LiveCouples.Couple> couples = live.couples.subList(0, size);
        double rate = 2.0 * size / interval;
        long total = Math.round(rate * seconds);
        System.out.printf("%s: %d couples, %.0f commands/s for %d s…%n", stack.name, size, rate, seconds);
        Figures.Cpu cpu = new Figures.Cpu(stack.pids());
        List<java.util.concurrent.Future<?>> sends = new ArrayList<>();
        long start = System.nanoTime();
        for (long n = 0; n < total; n++) {
            long due = start + (long) (n * 1e9 / rate);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            // Partner A of every couple, then partner B of every couple: each acts once per interval.
            LiveCouples.Couple couple = couples.get((int) (n % size));
            int who = (int) ((n / size) % 2);
            // Named by phase too: a late push of the warm-up's bid n must not count for this phase's bid n.
            String words = "bid " + p + n + ".";
            Map<Integer, Boolean> waiting = new ConcurrentHashMap<>();
            couple.screens.forEach(screen -> waiting.put(screen.who(), Boolean.TRUE));
            pending.computeIfAbsent(couple, c -> new ConcurrentHashMap<>()).put(words, new Pending(due, waiting));
            sends.add(pool.submit(() -> send(live, couple, who, words, due)));
        }
        long sentFor = System.nanoTime() - start;
        // Every command answered (or given up on after two minutes) before pushes are counted.
        int unanswered = 0;
        long answeredBy = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        for (var sent : sends) {
            try {
                sent.get(Math.max(1, answeredBy - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.TimeoutException notYet) {
                unanswered++;
                sent.cancel(true);
            }
        }
        long answeredAt = System.nanoTime();
        long settle = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (pending.values().stream().anyMatch(bids -> !bids.isEmpty()) && System.nanoTime() < settle) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
        cpu.print(scenario, "-" + p.substring(0, p.length() - 1));
        int missing = pending.values().stream().flatMap(bids -> bids.values().stream()).mapToInt(bid -> bid.waiting().size()).sum();
        int shut = live.screenFailures();
        Figures.line(scenario, p + "couples", size, "couples");
        Figures.line(scenario, p + "screens", couples.stream().mapToInt(LiveCouples.Couple::recipients).sum(), "connections");
        Figures.line(scenario, p + "commands-sent", total, "commands");
        Figures.line(scenario, p + "commands-rate-offered", total / (sentFor / 1e9), "commands/s");
        Figures.line(scenario, p + "commands-rate-answered", accepted.size() / ((answeredAt - start) / 1e9), "commands/s");
        Figures.latencies(scenario, p + "command-accepted", accepted);
        double p99 = Figures.latencies(scenario, p + "command-to-push", pushes);
        Figures.line(scenario, p + "missing-pushes", missing, "pushes");
        Figures.line(scenario, p + "refused-commands", refused.get(), "commands");
        Figures.line(scenario, p + "unanswered-commands", unanswered, "commands");
        Figures.line(scenario, p + "screens-failed", shut, "screens");
        Figures.line(scenario, p + "p99-vs-floor", p99 / floor.p99Ms(), "x");
        Figures.line(scenario, p + "p99-goal", 50, "ms");
        Figures.machineLoad(scenario, p + "end");
        int failures = missing + refused.get() + unanswered + shut;
        if (warmup) {
            return failures;
        }
        p99s.put(stack.name + "-" + size, p99);
        if (size >= 1000 && scenario.equals(S)) {
            Figures.gate(S, stack.name + "-p99-within-3x-floor-at-" + size, p99 <= 3 * floor.p99Ms() && failures == 0,
                    String.format("%.1f ms = %.2fx floor %.1f ms, %d missing/refused/shut", p99, p99 / floor.p99Ms(), floor.p99Ms(), failures));
        }
        return failures;
    }

    private void send(LiveCouples live, LiveCouples.Couple couple, int who, String words, long due) {
        try {
            var answer = live.commands.send(couple.partners[who], "/api/commands/sessions/" + couple.sessionId + "/bids",
                    "{\"words\":\"" + words + "\"}");
            if (answer.statusCode() / 100 == 2) {
                accepted.add(System.nanoTime() - due);
            } else {
                refused.incrementAndGet();
                System.err.println("refused: " + answer.statusCode() + " " + answer.body());
            }
        } catch (RuntimeException | AssertionError failed) {
            refused.incrementAndGet();
            System.err.println("failed: " + failed);
        }
    }

    /** A frame reached a screen: every bid of its couple it shows for the first time is pushed to that screen. */
    private void heard(LiveCouples.Couple couple, int who, String frame) {
        long now = System.nanoTime();
        Map<String, Pending> bids = pending.get(couple);
        if (bids == null) {
            return;
        }
        bids.forEach((words, bid) -> {
            if (bid.waiting().containsKey(who) && frame.contains(words) && bid.waiting().remove(who) != null) {
                pushes.add(now - bid.dueNanos());
                if (bid.waiting().isEmpty()) {
                    bids.remove(words);
                }
            }
        });
    }
}
