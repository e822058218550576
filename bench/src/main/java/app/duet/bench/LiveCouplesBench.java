package app.duet.bench;

import app.duet.eventstore.AxonUsageReports;
import app.duet.identity.BrowserSignIn;
import app.duet.query.live.ViewPublisher;
import app.duet.query.support.StompTestClient;
import app.duet.standalone.StandaloneApplication;
import app.duet.testing.CommandClient;
import tools.jackson.databind.JsonNode;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Many couples live at once on the standalone product, as real partners would be: each signs in
 * at the issuer, pairs, starts a session and keeps a STOMP connection on it; then the partners take
 * turns bidding for a while. It prints how long a command takes to be accepted, and how long until
 * both partners' screens have it (the figure the architecture aims to keep well under 100 ms at
 * p99), the commands per second reached, and the heap a live couple costs.
 * <p>
 * {@code ./mvnw -pl bench -am spring-boot:run -Dduet.standalone.run.skip=true -Dspring-boot.run.arguments="--couples=20 --seconds=30 --rate=40"}
 * (rate: commands per second over all couples).
 */
public final class LiveCouplesBench {

    private record Sent(long nanos, String couple) {
    }

    public static void main(String[] args) throws Exception {
        AxonUsageReports.switchOff();
        Map<String, String> options = Bench.options(args);
        int couples = Integer.parseInt(options.getOrDefault("couples", "20"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "30"));
        int rate = Integer.parseInt(options.getOrDefault("rate", "40"));
        Path data = Files.createTempDirectory("duet-bench");
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

        try (ConfigurableApplicationContext product = StandaloneApplication.start("--server.port=0",
                "--duet.data-dir=" + data, "--logging.level.root=WARN", "--duet.access.commands-per-second=1000",
                "--duet.access.command-burst=2000")) {
            String base = "http://127.0.0.1:" + ((WebServerApplicationContext) product).getWebServer().getPort();
            Map<String, String> tokens = new ConcurrentHashMap<>();
            CommandClient http = new CommandClient(base, tokens::get);
            long heapBefore = heapAfterGc(memory);

            System.out.printf("Signing in %d couples and opening their live sessions…%n", couples);
            List<Couple> live = new ArrayList<>();
            for (int i = 0; i < couples; i++) {
                live.add(Couple.open(base, http, tokens, i));
            }
            long heapLive = heapAfterGc(memory);

            Map<String, Sent> sent = new ConcurrentHashMap<>();
            List<Long> accepted = Collections.synchronizedList(new ArrayList<>());
            List<Long> bothScreens = Collections.synchronizedList(new ArrayList<>());
            for (Couple couple : live) {
                couple.onSeenByBoth(words -> {
                    Sent when = sent.remove(words);
                    if (when != null) {
                        bothScreens.add(System.nanoTime() - when.nanos());
                    }
                });
            }

            System.out.printf("Bidding at %d commands a second for %d s…%n", rate, seconds);
            ExecutorService senders = Executors.newFixedThreadPool(8);
            long start = System.nanoTime();
            long total = (long) rate * seconds;
            for (long n = 0; n < total; n++) {
                long due = start + n * 1_000_000_000L / rate;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                Couple couple = live.get((int) (n % live.size()));
                String words = "bench " + n;
                senders.submit(() -> {
                    long before = System.nanoTime();
                    sent.put(words, new Sent(before, couple.coupleId));
                    HttpResponse<String> answer = couple.bid(http, words);
                    if (answer.statusCode() == 201) {
                        accepted.add(System.nanoTime() - before);
                    } else {
                        sent.remove(words);
                        System.err.println("refused: " + answer.statusCode() + " " + answer.body());
                    }
                });
            }
            senders.shutdown();
            senders.awaitTermination(60, TimeUnit.SECONDS);
            double elapsed = (System.nanoTime() - start) / 1e9;
            long settle = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!sent.isEmpty() && System.nanoTime() < settle) {
                TimeUnit.MILLISECONDS.sleep(50);
            }

            System.out.println();
            System.out.printf("Duet bench: %d live couples, %d bids over %.1f s (%.1f commands/s accepted)%n",
                    couples, accepted.size(), elapsed, accepted.size() / elapsed);
            print("command accepted (HTTP 201)", accepted);
            print("command -> both partners' screens (STOMP)", bothScreens);
            System.out.printf("  never seen by both screens within 10 s: %d%n", sent.size());
            // The partners' own STOMP clients live in this JVM too, so this is an upper bound for the server.
            System.out.printf("heap after GC (server and the bench's clients): %d MiB idle, %d MiB with %d live couples (%.0f KiB per live couple)%n",
                    heapBefore >> 20, heapLive >> 20, couples, (heapLive - heapBefore) / 1024.0 / couples);
            for (Couple couple : live) {
                couple.close();
            }
        }
    }

    /** Two partners, signed in, paired, in one running session, each with a live screen on it. */
    private static final class Couple {
        final String coupleId;
        final String sessionId;
        final String first;
        final StompTestClient[] screens;

        private Couple(String coupleId, String sessionId, String first, StompTestClient[] screens) {
            this.coupleId = coupleId;
            this.sessionId = sessionId;
            this.first = first;
            this.screens = screens;
        }

        static Couple open(String base, CommandClient http, Map<String, String> tokens, int n) throws Exception {
            BrowserSignIn browser = new BrowserSignIn(base);
            String[] partners = new String[2];
            for (int p = 0; p < 2; p++) {
                String email = "bench-" + n + "-" + p + "-" + UUID.randomUUID() + "@duet.test";
                partners[p] = browser.signUp(email, "a long enough password", "Partner " + p, "PARTNER")
                        .get("accountId").asString();
                tokens.put(partners[p], browser.signIn(email, "a long enough password").accessToken());
            }
            CommandClient.PairedSession paired = http.pairAndJoinSession(partners[0], partners[1]);
            StompTestClient[] screens = new StompTestClient[2];
            String ws = base.replace("http", "ws") + "/ws";
            for (int p = 0; p < 2; p++) {
                // The view must be projected before a screen may listen to it.
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (http.getWithToken(tokens.get(partners[p]), "/api/queries/sessions/" + paired.sessionId()).statusCode() != 200
                        && System.nanoTime() < until) {
                    TimeUnit.MILLISECONDS.sleep(50);
                }
                screens[p] = StompTestClient.connect(ws, tokens.get(partners[p]));
                screens[p].subscribe(ViewPublisher.SESSION_TOPIC + paired.sessionId());
            }
            return new Couple(paired.coupleId(), paired.sessionId(), partners[0], screens);
        }

        HttpResponse<String> bid(CommandClient http, String words) {
            return http.send(first, "/api/commands/sessions/" + sessionId + "/bids", "{\"words\":\"" + words + "\"}");
        }

        /** Calls back with a bid's words once both screens have received a view holding it. */
        void onSeenByBoth(java.util.function.Consumer<String> seen) {
            Map<String, Integer> screensWithIt = new ConcurrentHashMap<>();
            for (StompTestClient screen : screens) {
                screen.onMessage(body -> {
                    JsonNode bids = body.path("bids");
                    if (bids.size() > 0) {
                        String words = bids.get(bids.size() - 1).path("words").asString();
                        if (screensWithIt.merge(words, 1, Integer::sum) == 2) {
                            screensWithIt.remove(words);
                            seen.accept(words);
                        }
                    }
                });
            }
        }

        void close() {
            for (StompTestClient screen : screens) {
                screen.close();
            }
        }
    }

    private static void print(String what, List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            System.out.printf("  %s: nothing measured%n", what);
            return;
        }
        System.out.printf("  %-45s p50 %6.1f ms   p95 %6.1f ms   p99 %6.1f ms   max %6.1f ms   (n=%d)%n", what,
                ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99), sorted.get(sorted.size() - 1) / 1e6, sorted.size());
    }

    private static double ms(List<Long> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1)) / 1e6;
    }

    private static long heapAfterGc(MemoryMXBean memory) {
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }


    private LiveCouplesBench() {
    }
}
