package app.duet.bench;

import app.duet.identity.BrowserSignIn;
import app.duet.query.live.ViewPublisher;
import app.duet.testing.CommandClient;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Does a command cost more when its aggregate has a long history? Two couples on the packaged
 * product (its own JVM): one in a session of {@code --events} events (5,000), one in sessions of at
 * most {@code --small} (10; it ends its session and starts another before it grows past that). Bids
 * are timed alternately on each, first with the aggregate cache warm, then after a restart with the
 * cache switched off, so every command loads its aggregate cold (from its snapshot and the events
 * after it, not from the whole stream). The ratio large/small of each percentile is printed, and the
 * p50 ratios are gated at 1.2. A partner of each couple keeps a raw STOMP connection on the
 * session and couple views all along; the largest frame either received is printed.
 * <p>
 * {@code ./mvnw -B -ntp -pl bench -am package spring-boot:run -DskipTests -Dduet.standalone.run.skip=true -Dspring-boot.run.arguments="--scenario=history"}
 */
final class HistoryBench {

    private static final String PASSWORD = "a long enough password";
    /** Events a session has once started and joined by both partners: SessionStarted and two joins. */
    private static final int SESSION_OPENING_EVENTS = 3;
    private static final double GATE = 1.2;

    private final CommandClient http;
    private final String[] large;
    private final String[] small;
    private String smallSession;
    private int smallSessionEvents;

    private HistoryBench(CommandClient http, String[] large, String[] small) {
        this.http = http;
        this.large = large;
        this.small = small;
    }

    static void main(String[] args) throws Exception {
        Map<String, String> options = Bench.options(args);
        int events = Integer.parseInt(options.getOrDefault("events", "5000"));
        int smallEvents = Integer.parseInt(options.getOrDefault("small", "10"));
        int samples = Integer.parseInt(options.getOrDefault("samples", "200"));
        Path jar = Path.of(options.getOrDefault("jar", PackagedProduct.defaultJar()));
        Path data = Files.createTempDirectory("duet-history-bench");
        Path log = Files.createTempFile("duet-history-bench-", ".log");
        System.out.printf("Product log %s%n", log);

        PackagedProduct product = new PackagedProduct(jar, data, log);
        product.startAndAwaitReady(Duration.ofMinutes(15));
        Map<String, String> tokens = new ConcurrentHashMap<>();
        CommandClient http = new CommandClient(product.baseUrl(), tokens::get);
        BrowserSignIn browser = new BrowserSignIn(product.baseUrl());
        String[] largeCouple = pair(http, browser, tokens);
        String[] smallCouple = pair(http, browser, tokens);
        HistoryBench bench = new HistoryBench(http, largeCouple, smallCouple);
        bench.smallSession = smallCouple[3];
        bench.smallSessionEvents = SESSION_OPENING_EVENTS;
        List<StompFrameMeter> screens = bench.openScreens(product, tokens);

        System.out.printf("Filling one session to %d events…%n", events);
        long fillStart = System.nanoTime();
        for (int n = SESSION_OPENING_EVENTS; n < events; n++) {
            bench.bid(largeCouple, largeCouple[3], n % 2 == 0 ? largeCouple[1] : largeCouple[2], "fill " + n);
            if (n % 1000 == 0) {
                System.out.printf("  …%d events (%.0f commands/s)%n", n, (n - SESSION_OPENING_EVENTS) / ((System.nanoTime() - fillStart) / 1e9));
            }
        }
        print("fill-rate", (events - SESSION_OPENING_EVENTS) / ((System.nanoTime() - fillStart) / 1e9), "commands/s");

        bench.measure("warm", samples, smallEvents, events);
        long largestBefore = largest(screens);
        screens.forEach(StompFrameMeter::close);

        // Cold: a new process, and no aggregate cache, so every load reads a snapshot and the events after it.
        product.kill();
        product = new PackagedProduct(jar, data, log).withJvmOptions("-Dduet.command.aggregate-cache-size=0");
        // Commands are what is timed: no need to wait until its projections have caught up with the whole history.
        product.startAndAwaitLive(Duration.ofMinutes(15));
        http = new CommandClient(product.baseUrl(), tokens::get);
        HistoryBench cold = new HistoryBench(http, largeCouple, smallCouple);
        cold.smallSession = bench.smallSession;
        cold.smallSessionEvents = bench.smallSessionEvents;
        screens = cold.openScreens(product, tokens);
        cold.measure("cold", samples, smallEvents, events);
        long largestFrame = Math.max(largestBefore, largest(screens));
        for (StompFrameMeter screen : screens) {
            if (screen.closedBecause() != null) {
                System.out.printf("A partner's connection was shut by the server: %s%n", screen.closedBecause());
            }
            screen.close();
        }
        product.kill();
        print("largest-pushed-frame", largestFrame, "bytes");
        deleteQuietly(data);
    }

    /** Signs two partners up and pairs them in a running session: {coupleId, first, second, sessionId}. */
    private static String[] pair(CommandClient http, BrowserSignIn browser, Map<String, String> tokens) {
        String first = signUp(browser, tokens);
        String second = signUp(browser, tokens);
        CommandClient.PairedSession paired = http.pairAndJoinSession(first, second);
        return new String[]{paired.coupleId(), first, second, paired.sessionId()};
    }

    private List<StompFrameMeter> openScreens(PackagedProduct product, Map<String, String> tokens) throws Exception {
        String ws = product.baseUrl().replace("http", "ws") + "/ws";
        List<StompFrameMeter> screens = new ArrayList<>();
        for (String[] couple : new String[][]{large, small}) {
            String session = couple == large ? large[3] : smallSession;
            awaitView(tokens.get(couple[2]), "/api/queries/sessions/" + session);
            screens.add(StompFrameMeter.open(ws, tokens.get(couple[2]), ViewPublisher.SESSION_TOPIC + session,
                    ViewPublisher.COUPLE_TOPIC + couple[0]));
        }
        return screens;
    }

    /** A screen may listen to a view only once the view exists. */
    private void awaitView(String bearer, String path) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (http.getWithToken(bearer, path).statusCode() != 200) {
            if (System.nanoTime() > until) {
                throw new IllegalStateException(path + " was never projected");
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }

    /** Bids alternately on each couple, timing each answer; prints the percentiles and their ratios. */
    private void measure(String phase, int samples, int smallEvents, int events) {
        List<Long> onSmall = new ArrayList<>();
        List<Long> onLarge = new ArrayList<>();
        // Not timed: the first loads after a start warm the JIT and the connection pool, not the aggregates.
        for (int n = 0; n < 20; n++) {
            bid(large, large[3], large[1 + n % 2], phase + " warm-up " + n);
            smallBid(smallEvents, phase + " warm-up " + n, n);
        }
        for (int n = 0; n < samples; n++) {
            onLarge.add(bid(large, large[3], large[1 + n % 2], phase + " " + n));
            onSmall.add(smallBid(smallEvents, phase + " " + n, n));
        }
        double[] lows = percentiles(onSmall);
        double[] highs = percentiles(onLarge);
        String[] names = {"p50", "p95", "p99"};
        for (int p = 0; p < names.length; p++) {
            print(phase + "-" + smallEvents + "-events-" + names[p], lows[p], "ms");
            print(phase + "-" + events + "-events-" + names[p], highs[p], "ms");
        }
        for (int p = 0; p < names.length; p++) {
            print(phase + "-ratio-" + names[p], highs[p] / lows[p], "x");
        }
        boolean pass = highs[0] / lows[0] <= GATE;
        System.out.printf("bench history gate-ratio %s %s (p50 %.2f x, at most %.1f)%n", pass ? "PASS" : "FAIL", phase,
                highs[0] / lows[0], GATE);
    }

    /** A bid on the small couple; its session is ended and a new one started before it passes {@code smallEvents}. */
    private long smallBid(int smallEvents, String words, int n) {
        if (smallSessionEvents >= smallEvents) {
            http.post(small[1], "/api/commands/sessions/" + smallSession + "/end", null);
            smallSession = http.post(small[1], "/api/commands/couples/" + small[0] + "/sessions",
                    "{\"exercise\":\"CHECK_IN\"}").get("sessionId").asString();
            http.post(small[1], "/api/commands/sessions/" + smallSession + "/join", null);
            http.post(small[2], "/api/commands/sessions/" + smallSession + "/join", null);
            smallSessionEvents = SESSION_OPENING_EVENTS;
        }
        smallSessionEvents++;
        return bid(small, smallSession, small[1 + n % 2], words);
    }

    /** One bid, answered 201 or the run fails; returns its latency in nanoseconds. */
    private long bid(String[] couple, String session, String partner, String words) {
        long before = System.nanoTime();
        HttpResponse<String> answer = http.send(partner, "/api/commands/sessions/" + session + "/bids",
                "{\"words\":\"" + words + "\"}");
        long took = System.nanoTime() - before;
        if (answer.statusCode() != 201) {
            throw new IllegalStateException("Bid refused in couple " + couple[0] + ": " + answer.statusCode() + " " + answer.body());
        }
        return took;
    }

    private static double[] percentiles(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        double[] quantiles = {0.50, 0.95, 0.99};
        double[] values = new double[quantiles.length];
        for (int q = 0; q < quantiles.length; q++) {
            values[q] = sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantiles[q] * sorted.size()) - 1)) / 1e6;
        }
        return values;
    }

    private static long largest(List<StompFrameMeter> screens) {
        return screens.stream().mapToLong(StompFrameMeter::largestMessageBytes).max().orElse(0);
    }

    private static String signUp(BrowserSignIn browser, Map<String, String> tokens) {
        String email = "history-" + UUID.randomUUID() + "@duet.test";
        String accountId = browser.signUp(email, PASSWORD, "Partner", "PARTNER").get("accountId").asString();
        tokens.put(accountId, browser.signIn(email, PASSWORD).accessToken());
        return accountId;
    }

    private static void print(String metric, double value, String unit) {
        System.out.printf("bench history %s %.2f %s%n", metric, value, unit);
    }

    private static void deleteQuietly(Path folder) throws java.io.IOException {
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
