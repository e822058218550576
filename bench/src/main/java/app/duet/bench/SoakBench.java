package app.duet.bench;

import app.duet.eventstore.AxonUsageReports;
import app.duet.identity.BrowserSignIn;
import app.duet.query.live.ViewPublisher;
import app.duet.query.support.StompTestClient;
import app.duet.testing.CommandClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A long run at a moderate, steady load against the packaged product, to see that nothing creeps:
 * the heap kept after a full collection, threads, open files and sockets, and resident memory are sampled as
 * it goes and compared between the first and the last quarter of the run; every command must be
 * answered 2xx and every bid must reach both partners' screens; the product's log must hold no ERROR.
 * <p>
 * {@code ./mvnw -B -ntp -pl bench -am package spring-boot:run -DskipTests -Dduet.standalone.run.skip=true
 * -Dspring-boot.run.arguments="--scenario=soak --minutes=20"}. Prints {@code bench soak METRIC VALUE UNIT} lines.
 */
final class SoakBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A figure counts as flat if its last quarter's mean is within this share of its first quarter's (plus a floor for small numbers). */
    private static final double FLAT = 0.20;

    /**
     * liveHeapMb: the heap in use right after a full collection asked for by the bench (what is really
     * kept); oldAfterGc: the long-lived pool's share after the last collection the JVM chose, which
     * also holds garbage G1 has not reached yet, so it is reported, not judged.
     */
    private record Sample(double minutes, double liveHeapMb, double oldAfterGc, double threads, double openFiles,
                          double rssMb, double rssAnonMb, double heapCommittedMb, double websockets) {

        /** What the process holds besides the heap G1 has taken: threads' stacks, classes, code, buffers. */
        double beyondHeapMb() {
            return rssAnonMb - heapCommittedMb;
        }
    }

    static void main(String[] args) throws Exception {
        AxonUsageReports.switchOff();
        Map<String, String> options = Bench.options(args);
        double minutes = Double.parseDouble(options.getOrDefault("minutes", "20"));
        int couples = Integer.parseInt(options.getOrDefault("couples", "10"));
        double rate = Double.parseDouble(options.getOrDefault("rate", "5"));
        Duration sampleEvery = Duration.ofSeconds(Long.parseLong(options.getOrDefault("sample-seconds", "30")));
        Path jar = Path.of(options.getOrDefault("jar", PackagedProduct.defaultJar()));
        Path work = Files.createTempDirectory("duet-soak");
        Path log = work.resolve("product.log");
        // Native memory tracking names what lies beyond the heap (threads, classes, code, GC, buffers).
        PackagedProduct product = new PackagedProduct(jar, work.resolve("data"), log)
                .withJvmOptions("-XX:NativeMemoryTracking=summary");
        product.startAndAwaitReady(Duration.ofMinutes(3));
        try {
            run(product, minutes, couples, rate, sampleEvery, log);
        } finally {
            product.kill();
        }
    }

    private static void run(PackagedProduct product, double minutes, int couples, double rate, Duration sampleEvery,
                            Path log) throws Exception {
        Map<String, String> tokens = new ConcurrentHashMap<>();
        CommandClient http = new CommandClient(product.baseUrl(), tokens::get);
        BrowserSignIn issuer = new BrowserSignIn(product.baseUrl());
        List<String[]> partners = new ArrayList<>();           // {alex, sam, sessionId}
        List<StompTestClient> screens = new ArrayList<>();
        Map<String, AtomicLong> pushesPerSession = new ConcurrentHashMap<>();
        for (int i = 0; i < couples; i++) {
            String alex = signUp(issuer, tokens, "Alex" + i);
            String sam = signUp(issuer, tokens, "Sam" + i);
            CommandClient.PairedSession paired = http.pairAndJoinSession(alex, sam);
            partners.add(new String[]{alex, sam, paired.sessionId()});
            AtomicLong pushes = pushesPerSession.computeIfAbsent(paired.sessionId(), id -> new AtomicLong());
            // As the page does: the session's view is read before its topic is listened to. A topic
            // asked for a moment after joining, before the view knows the partner, is refused.
            for (String person : List.of(alex, sam)) {
                awaitReadable(http, person, "/api/queries/sessions/" + paired.sessionId());
            }
            for (String person : List.of(alex, sam)) {
                StompTestClient screen = StompTestClient.connect(product.baseUrl().replace("http", "ws") + "/ws", tokens.get(person));
                screen.onMessage(view -> {
                    if (view.has("bids")) {
                        pushes.incrementAndGet();
                    }
                });
                screen.subscribe(ViewPublisher.SESSION_TOPIC + paired.sessionId());
                screens.add(screen);
            }
        }

        System.out.printf("Soaking: %d couples, %.1f commands a second, %.0f minutes…%n", couples, rate, minutes);
        List<Sample> samples = new ArrayList<>();
        Histogram histogramAtStart = null;
        long start = System.nanoTime();
        long end = start + (long) (minutes * 60e9);
        long nextSample = start;
        long pause = (long) (1e9 / rate);
        long commands = 0;
        long refused = 0;
        Map<String, AtomicLong> bidsPerSession = new ConcurrentHashMap<>();
        for (long next = start; System.nanoTime() < end; next += pause) {
            if (System.nanoTime() >= nextSample) {
                samples.add(sample(product, (System.nanoTime() - start) / 60e9));
                screens.forEach(StompTestClient::forgetReceived); // counted as they came: the load keeps nothing
                Sample last = samples.get(samples.size() - 1);
                System.out.printf("  %5.1f min  live heap %6.1f MB  old gen after GC %5.1f %%  threads %4.0f  open files %5.0f  rss %6.1f MB"
                                + " (anonymous beyond the heap %6.1f, heap committed %6.1f)  websockets %4.0f%n",
                        last.minutes(), last.liveHeapMb(), last.oldAfterGc(), last.threads(), last.openFiles(), last.rssMb(),
                        last.beyondHeapMb(), last.heapCommittedMb(), last.websockets());
                if (samples.size() == 2) {
                    histogramAtStart = Histogram.of(product.pid());
                    ProcessProbe.jcmd(product.pid(), "VM.native_memory", "baseline");
                }
                nextSample += sampleEvery.toNanos();
            }
            String[] couple = partners.get(ThreadLocalRandom.current().nextInt(partners.size()));
            String from = couple[ThreadLocalRandom.current().nextInt(2)];
            HttpResponse<String> answer = http.send(from, "/api/commands/sessions/" + couple[2] + "/bids",
                    "{\"words\":\"Still with me? " + UUID.randomUUID() + "\"}");
            commands++;
            if (answer.statusCode() / 100 == 2) {
                bidsPerSession.computeIfAbsent(couple[2], id -> new AtomicLong()).incrementAndGet();
            } else {
                refused++;
            }
            long wait = next + pause - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
        }
        samples.add(sample(product, (System.nanoTime() - start) / 60e9));

        // Each accepted bid is pushed to both partners' screens; give the last ones a moment.
        long missing = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        do {
            missing = 0;
            for (String[] couple : partners) {
                long expected = 2 * bidsPerSession.getOrDefault(couple[2], new AtomicLong()).get();
                missing += Math.max(0, expected - pushesPerSession.get(couple[2]).get());
            }
        } while (missing > 0 && System.nanoTime() < deadline && sleep(200));
        long shut = screens.stream().filter(StompTestClient::isShut).count();
        screens.stream().flatMap(screen -> screen.errors().stream()).distinct()
                .forEach(error -> System.out.println("  a screen was refused: " + error));
        screens.forEach(StompTestClient::close);

        long errorLines;
        try (var lines = Files.lines(log)) {
            errorLines = lines.filter(line -> line.contains(" ERROR ")).count();
        }
        print("duration", (System.nanoTime() - start) / 60e9, "min");
        print("commands", commands, "count");
        print("commands-refused", refused, "count");
        print("pushes-missing", missing, "count");
        print("log-errors", errorLines, "lines");
        print("screens-shut", shut, "count");
        int quarter = Math.max(1, samples.size() / 4);
        boolean flat = true;
        flat &= flat("live-heap", samples, quarter, Sample::liveHeapMb, "MB", 16);
        flat("old-gen-after-gc", samples, quarter, Sample::oldAfterGc, "percent", Double.MAX_VALUE); // reported only
        flat &= flat("threads", samples, quarter, Sample::threads, "count", 4);
        flat &= flat("open-files", samples, quarter, Sample::openFiles, "count", 10);
        // Resident memory follows the heap G1 chooses to keep committed (up to -Xmx), which is sizing,
        // not leaking, and holds pages of files the process reads (the jar, the stores), which the
        // kernel takes back when it needs them: what is kept is judged by live-heap, and the rest of the
        // process by its anonymous memory beyond the committed heap.
        flat("rss", samples, quarter, Sample::rssMb, "MB", Double.MAX_VALUE);
        flat("heap-committed", samples, quarter, Sample::heapCommittedMb, "MB", Double.MAX_VALUE);
        flat("rss-anonymous", samples, quarter, Sample::rssAnonMb, "MB", Double.MAX_VALUE);
        flat &= flat("anonymous-beyond-heap", samples, quarter, Sample::beyondHeapMb, "MB", 64);
        if (histogramAtStart != null) {
            System.out.println("What the heap kept more of, after a full collection, from the first sample after warm-up to the end:");
            Histogram.of(product.pid()).growthSince(histogramAtStart, 12).forEach(line -> System.out.println("  " + line));
            System.out.println("What the process holds beyond the heap, by kind, against the same moment (committed, KB):");
            for (String line : ProcessProbe.jcmd(product.pid(), "VM.native_memory", "summary.diff").split("\n")) {
                if (line.startsWith("Total") || line.matches("^-\\s+\\S.*\\(reserved=.*")) {
                    System.out.println("  " + line.strip());
                }
            }
        }
        print("websockets-last", samples.get(samples.size() - 1).websockets(), "count");
        boolean clean = refused == 0 && missing == 0 && errorLines == 0 && shut == 0;
        print("verdict", flat && clean ? 1 : 0, flat && clean ? "flat-and-clean" : "NOT-flat-or-clean");
        if (!(flat && clean)) {
            throw new IllegalStateException("The soak was not flat and clean: see the figures above");
        }
    }

    /** Compares the first and last quarter's means; a rise beyond the share and the floor is not flat. */
    private static boolean flat(String metric, List<Sample> samples, int quarter,
                                java.util.function.ToDoubleFunction<Sample> figure, String unit, double floor) {
        double first = samples.subList(0, quarter).stream().mapToDouble(figure).average().orElse(0);
        double last = samples.subList(samples.size() - quarter, samples.size()).stream().mapToDouble(figure).average().orElse(0);
        print(metric + "-first-quarter", first, unit);
        print(metric + "-last-quarter", last, unit);
        return last <= first * (1 + FLAT) + floor;
    }

    private static Sample sample(PackagedProduct product, double minutes) throws IOException, InterruptedException {
        double oldAfterGc = 100 * metric(product, "jvm.memory.usage.after.gc", null);
        fullCollection(product.pid());
        // As the heap is judged after a full collection, native memory is judged after the C library's
        // allocator has handed back what it keeps free (the JIT's arenas, freed, stay resident otherwise).
        ProcessProbe.jcmd(product.pid(), "System.trim_native_heap");
        return new Sample(minutes, metric(product, "jvm.memory.used", "area:heap") / 1e6, oldAfterGc,
                metric(product, "jvm.threads.live", null), ProcessProbe.openFiles(product.pid()),
                ProcessProbe.residentMb(product.pid(), "VmRSS:"), ProcessProbe.residentMb(product.pid(), "RssAnon:"),
                metric(product, "jvm.memory.committed", "area:heap") / (1024 * 1024),
                metric(product, "duet.websocket.connections", null));
    }

    /** Asks the product's JVM for a full collection (jcmd GC.run), so what the heap holds next is what is kept. */
    private static void fullCollection(long pid) throws IOException, InterruptedException {
        ProcessProbe.jcmd(pid, "GC.run");
    }

    private static double metric(PackagedProduct product, String name, String tag) throws IOException, InterruptedException {
        JsonNode answer = JSON.readTree(product.text("/actuator/metrics/" + name + (tag == null ? "" : "?tag=" + tag)));
        for (JsonNode measurement : answer.path("measurements")) {
            if (measurement.path("statistic").asString().equals("VALUE")) {
                return measurement.path("value").asDouble();
            }
        }
        return Double.NaN;
    }

    private static String signUp(BrowserSignIn issuer, Map<String, String> tokens, String name) {
        String email = name.toLowerCase() + "-" + UUID.randomUUID() + "@duet.test";
        String id = issuer.signUp(email, "a long enough password", name, "PARTNER").get("accountId").asString();
        tokens.put(id, issuer.signIn(email, "a long enough password").accessToken());
        return id;
    }

    private static void awaitReadable(CommandClient http, String person, String path) throws InterruptedException {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                http.get(person, path);
                return;
            } catch (AssertionError notYet) {
                if (System.nanoTime() > giveUp) {
                    throw notYet;
                }
                TimeUnit.MILLISECONDS.sleep(100);
            }
        }
    }

    private static boolean sleep(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
            return true;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void print(String metric, double value, String unit) {
        System.out.printf("bench soak %s %s %s%n", metric, value == Math.rint(value) ? String.valueOf((long) value)
                : String.format("%.2f", value), unit);
    }

    private SoakBench() {
    }
}
