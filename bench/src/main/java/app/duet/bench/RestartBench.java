package app.duet.bench;

import app.duet.identity.BrowserSignIn;
import app.duet.testing.CommandClient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * A restart is not an outage: the packaged product starts on an empty data folder (start to
 * readiness is timed), is filled with events through its API from many couples at once, waits until
 * its projections have applied them all, is killed with SIGKILL and started again on the same folder
 * (timed again). Readiness means every projection has reached the events as they stood at start,
 * so the second figure includes any catching up. Target: the second start at most 1.5 times the
 * first; the ratio is taken against the mean of two empty starts, one before and one after, since
 * other work on a shared machine moves a single start by seconds. {@code --data=DIR} keeps the
 * filled folder, and a later run reuses it instead of filling again.
 * <p>
 * {@code ./mvnw -B -ntp -pl bench -am package spring-boot:run -DskipTests -Dduet.standalone.run.skip=true -Dspring-boot.run.arguments="--scenario=restart --events=100000"}
 */
final class RestartBench {

    private static final String PASSWORD = "a long enough password";
    /** Bids per session before the couple ends it and starts another: views stay the size of a real session. */
    private static final int BIDS_PER_SESSION = 40;

    static void main(String[] args) throws Exception {
        Map<String, String> options = Bench.options(args);
        long events = Long.parseLong(options.getOrDefault("events", "100000"));
        int couples = Integer.parseInt(options.getOrDefault("couples", "100"));
        int threads = Integer.parseInt(options.getOrDefault("threads", "12"));
        Path jar = Path.of(options.getOrDefault("jar", PackagedProduct.defaultJar()));
        // A filled folder can be kept (--data=DIR) and reused by later runs: filling is the slow part.
        Path kept = options.containsKey("data") ? Path.of(options.get("data")) : null;
        Path log = Files.createTempFile("duet-restart-bench-", ".log");
        System.out.printf("Product log %s%n", log);

        Path empty = Files.createTempDirectory("duet-restart-bench");
        PackagedProduct product = new PackagedProduct(jar, empty, log);
        double emptyStart = product.startAndAwaitReady(Duration.ofMinutes(3));
        print("empty-start", emptyStart, "s");
        long written;
        if (kept != null && Files.exists(kept.resolve("events.mv.db"))) {
            product.kill();
            written = Long.parseLong(Files.readString(kept.resolve("bench-events.txt")).strip());
            System.out.printf("Reusing %s (%d events, views as they stood when it was killed)%n", kept, written);
        } else {
            long fillStart = System.nanoTime();
            written = fill(product, couples, threads, events);
            print("fill-rate", written / ((System.nanoTime() - fillStart) / 1e9), "events/s");
            awaitProjectionsCaughtUp(product, Duration.ofMinutes(30));
            print("fill-and-project", (System.nanoTime() - fillStart) / 1e9, "s");
            product.kill();
            Files.writeString(empty.resolve("bench-events.txt"), written + "\n");
            if (kept != null) {
                copy(empty, kept);
            }
        }
        Path filled = kept != null ? copy(kept, Files.createTempDirectory("duet-restart-bench")) : empty;
        print("events-file", Files.size(filled.resolve("events.mv.db")) / 1048576.0, "MiB");
        print("views-file", Files.size(filled.resolve("views.mv")) / 1048576.0, "MiB");

        product = new PackagedProduct(jar, filled, log);
        double fullStart = product.startAndAwaitReady(Duration.ofMinutes(10));
        print("start-with-" + written + "-events", fullStart, "s");
        // What the kill cost: events applied again because the views file's last commit preceded them.
        print("applied-again", applied(product).values().stream().mapToDouble(Double::doubleValue).sum(), "events");
        product.kill();

        // The machine is shared: a second empty start shows how much of a difference is noise.
        Path emptyAgainFolder = Files.createTempDirectory("duet-restart-bench");
        product = new PackagedProduct(jar, emptyAgainFolder, log);
        double emptyAgain = product.startAndAwaitReady(Duration.ofMinutes(3));
        product.kill();
        for (Path folder : new Path[]{empty, filled, emptyAgainFolder}) {
            deleteQuietly(folder);
        }
        print("empty-start-again", emptyAgain, "s");
        print("ratio", fullStart / ((emptyStart + emptyAgain) / 2), "x");
    }

    /**
     * Couples sign up, pair, and then bid and answer in sessions of {@value BIDS_PER_SESSION} bids
     * from {@code threads} threads until {@code events} events are stored; returns how many were.
     */
    private static long fill(PackagedProduct product, int couples, int threads, long events) throws Exception {
        Map<String, String> tokens = new ConcurrentHashMap<>();
        CommandClient http = new CommandClient(product.baseUrl(), tokens::get);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong stored = new AtomicLong();
        System.out.printf("Signing up %d couples…%n", couples);
        List<Future<String[]>> pairs = new ArrayList<>();
        for (int n = 0; n < couples; n++) {
            pairs.add(pool.submit(() -> {
                BrowserSignIn browser = new BrowserSignIn(product.baseUrl());
                String[] partners = {signUp(browser, tokens), signUp(browser, tokens)};
                var created = http.post(partners[0], "/api/commands/couples", "{\"displayName\":\"A\"}");
                http.post(partners[1], "/api/commands/couples/join", "{\"invitationCode\":\""
                        + created.get("invitationCode").asString() + "\",\"displayName\":\"B\"}");
                stored.addAndGet(2);
                return new String[]{created.get("coupleId").asString(), partners[0], partners[1]};
            }));
        }
        List<String[]> ready = new ArrayList<>();
        for (Future<String[]> pair : pairs) {
            ready.add(pair.get());
        }
        long perCouple = Math.max(1, events / couples);
        System.out.printf("Writing %d events…%n", events);
        List<Future<?>> work = new ArrayList<>();
        for (String[] couple : ready) {
            work.add(pool.submit(() -> {
                coupleWork(http, couple, perCouple, stored);
                return null;
            }));
        }
        for (Future<?> done : work) {
            done.get();
        }
        pool.shutdown();
        return stored.get();
    }

    /** One couple's sessions, one after another, until it has stored its quota of events. */
    private static void coupleWork(CommandClient http, String[] couple, long quota, AtomicLong stored) {
        String alex = couple[1];
        String sam = couple[2];
        long done = 2;
        while (done < quota) {
            String session = "/api/commands/sessions/" + http.post(alex, "/api/commands/couples/" + couple[0] + "/sessions",
                    "{\"exercise\":\"CHECK_IN\"}").get("sessionId").asString();
            http.post(alex, session + "/join", null);
            http.post(sam, session + "/join", null);
            done += count(stored, 3);
            for (int bid = 0; bid < BIDS_PER_SESSION && done < quota - 1; bid++) {
                String bidId = http.post(alex, session + "/bids", "{\"words\":\"Walk " + bid + "?\"}").get("bidId").asString();
                http.post(sam, session + "/bids/" + bidId + "/answer", "{\"response\":\"TOWARD\"}");
                done += count(stored, 2);
            }
            http.post(alex, session + "/end", null);
            done += count(stored, 1);
        }
    }

    private static long count(AtomicLong stored, int events) {
        long now = stored.addAndGet(events);
        if (now / 10_000 != (now - events) / 10_000) {
            System.out.printf("  …%d events%n", now);
        }
        return events;
    }

    /**
     * The projections have applied every event once no processor's count of applied events has moved
     * for five seconds (no events are written meanwhile). Axon's "caught up" flag cannot tell: it
     * stays set once a processor has caught up the first time.
     */
    static void awaitProjectionsCaughtUp(PackagedProduct product, Duration atMost) throws Exception {
        long deadline = System.nanoTime() + atMost.toNanos();
        String last = "";
        int unchanged = 0;
        while (unchanged < 5) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The projections did not catch up within " + atMost);
            }
            TimeUnit.SECONDS.sleep(1);
            String applied = applied(product).toString();
            unchanged = applied.equals(last) ? unchanged + 1 : 0;
            last = applied;
        }
    }

    /** Events applied per processor since the product started ({@code duet.projection.applied}). */
    private static Map<String, Double> applied(PackagedProduct product) throws IOException, InterruptedException {
        Map<String, Double> applied = new java.util.TreeMap<>();
        product.text("/actuator/prometheus").lines().filter(line -> line.startsWith("duet_projection_applied_total{"))
                .forEach(line -> applied.put(line.substring(line.indexOf("processor=\"") + 11, line.indexOf('"', line.indexOf("processor=\"") + 11)),
                        Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))));
        return applied;
    }

    private static String signUp(BrowserSignIn browser, Map<String, String> tokens) {
        String email = "restart-" + UUID.randomUUID() + "@duet.test";
        String accountId = browser.signUp(email, PASSWORD, "Partner", "PARTNER").get("accountId").asString();
        // One sign-in at a time: the issuer keeps authorizations in Spring Authorization Server's
        // in-memory store, whose lookup fails under concurrent token requests (a 500).
        synchronized (RestartBench.class) {
            tokens.put(accountId, browser.signIn(email, PASSWORD).accessToken());
        }
        return accountId;
    }

    private static void print(String metric, double value, String unit) {
        System.out.printf("bench restart %s %.1f %s%n", metric, value, unit);
    }

    private static void deleteQuietly(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static Path copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(file)) {
                    Files.copy(file, to.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return to;
    }


    private RestartBench() {
    }
}
