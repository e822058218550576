package app.duet.bench;

import app.duet.api.access.Role;
import app.duet.query.live.ViewPublisher;
import app.duet.testing.CommandClient;
import app.duet.testing.TestTokens;
import tools.jackson.databind.JsonNode;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Idle connections cost the product heap whether anyone speaks on them or not: the packaged product
 * runs in its own JVM with {@code -Xmx1g}, couples are paired through its
 * API ({@code --couples}, at most 1,000 unless asked: pairing goes through commands), and then their
 * partners open {@code --connections} STOMP connections, each with a token of its own, subscribed to
 * their couple's overview and cycle as the home page is, and sit still. The heap after a full
 * collection is read before and after (jcmd), and what it kept more of is listed by class.
 * Tokens come from a test issuer the product is started to trust: signing in ten thousand people at
 * the real issuer would be a bench of its password hashing. Gate: every connection held, within 1 GiB.
 * <p>
 * {@code ./mvnw -B -ntp -pl bench -am package spring-boot:run -DskipTests -Dduet.standalone.run.skip=true
 * -Dspring-boot.run.arguments="--scenario=sockets --connections=10000"}
 */
final class SocketsBench {

    private static final Pattern HEAP_USED = Pattern.compile("garbage-first heap\\s+total \\d+K, used (\\d+)K");
    private static final Pattern HEAP_COMMITTED = Pattern.compile("garbage-first heap\\s+total (\\d+)K");
    private static final double GATE_CONNECTIONS = 10_000;
    private static final double GATE_HEAP_MB = 1024;

    static void main(String[] args) throws Exception {
        Map<String, String> options = Bench.options(args);
        int connections = Integer.parseInt(options.getOrDefault("connections", "10000"));
        // Pairing goes through commands, the slow part of the setup: by default a partner keeps several
        // pages open (tabs, a phone), each its own connection with its own token.
        int couples = Integer.parseInt(options.getOrDefault("couples", String.valueOf(Math.min(1000, (connections + 1) / 2))));
        int threads = Integer.parseInt(options.getOrDefault("threads", "8"));
        int addresses = Integer.parseInt(options.getOrDefault("addresses", "4"));
        boolean deflate = Boolean.parseBoolean(options.getOrDefault("deflate", "true"));
        long holdSeconds = Long.parseLong(options.getOrDefault("hold-seconds", "0"));
        Path jar = Path.of(options.getOrDefault("jar", PackagedProduct.defaultJar()));
        Path work = Files.createTempDirectory("duet-sockets-bench");
        Path log = work.resolve("product.log");
        System.out.printf("Product log %s%n", log);
        TestTokens issuer = TestTokens.trusted();
        // As system properties, which outrank the product's own configuration files.
        PackagedProduct product = new PackagedProduct(jar, work.resolve("data"), log).withJvmOptions(
                issuer.springProperties().stream().map(property -> "-D" + property).toArray(String[]::new));
        product.startAndAwaitReady(Duration.ofMinutes(10));
        try {
            run(product, issuer, connections, couples, threads, addresses, deflate, holdSeconds);
        } finally {
            product.kill();
        }
    }

    private static void run(PackagedProduct product, TestTokens issuer, int connections, int couples, int threads, int addresses,
                            boolean deflate, long holdSeconds) throws Exception {
        System.out.printf("Pairing %d couples…%n", couples);
        long pairing = System.nanoTime();
        List<String[]> partners = pair(product, issuer, couples, threads);
        System.out.printf("  paired in %.0f s%n", (System.nanoTime() - pairing) / 1e9);
        List<IdleStompClients.Screen> screens = new ArrayList<>();
        for (int n = 0; n < connections; n++) {
            String[] partner = partners.get(n % partners.size());
            screens.add(new IdleStompClients.Screen(issuer.token(partner[0], Role.PARTNER, Duration.ofHours(2)),
                    List.of(ViewPublisher.COUPLE_TOPIC + partner[1], ViewPublisher.CYCLE_TOPIC + partner[1])));
        }
        print("couples", couples, "count");
        // Nothing else moves while the connections are counted: the projections have applied every pairing.
        RestartBench.awaitProjectionsCaughtUp(product, Duration.ofMinutes(10));

        double heapBefore = liveHeapMb(product.pid());
        Histogram before = Histogram.of(product.pid());
        double nativeBefore = beyondHeapMb(product.pid());
        int port = URI.create(product.baseUrl()).getPort();
        List<InetSocketAddress> servers = new ArrayList<>();
        for (int a = 1; a <= addresses; a++) {
            servers.add(new InetSocketAddress("127.0.0." + a, port));
        }
        try (IdleStompClients clients = new IdleStompClients(servers, "/ws", deflate)) {
            System.out.printf("Opening %d connections…%n", connections);
            long opening = System.nanoTime();
            clients.open(screens, 32, TimeUnit.MINUTES.toNanos(5));
            System.out.printf("  opened in %.0f s%n", (System.nanoTime() - opening) / 1e9);
            // A subscription the product refuses is answered with an ERROR frame a moment later.
            clients.hold(TimeUnit.SECONDS.toNanos(5));
            double heapAfter = liveHeapMb(product.pid());
            Histogram after = Histogram.of(product.pid());
            double nativeAfter = beyondHeapMb(product.pid());
            double serverSide = metric(product, "duet.websocket.connections");
            if (holdSeconds > 0) {
                System.out.printf("Holding them %d s: the product is process %d (jcmd, jmap)…%n", holdSeconds, product.pid());
                clients.hold(TimeUnit.SECONDS.toNanos(holdSeconds));
            }
            clients.hold(TimeUnit.SECONDS.toNanos(1));
            int held = clients.listening();

            clients.refusals().forEach((why, count) -> System.out.printf("  %d connections shut: %s%n", count, why));
            System.out.printf("What the heap kept more of with %d connections, by class (per connection):%n", held);
            after.growthSince(before, 15).forEach(line -> System.out.printf("  %s%n", perConnection(line, held)));
            double perThousand = held == 0 ? Double.NaN : (heapAfter - heapBefore) / held * 1000;
            print("connections", held, "count");
            print("connections-refused", clients.shut(), "count");
            print("connections-server-side", serverSide, "count");
            print("connections-deflated", clients.deflated(), "count");
            print("pushes-received", clients.messages(), "count");
            print("heap-before", heapBefore, "MB");
            print("heap-per-1000", perThousand, "MB");
            print("heap-at-" + held, heapAfter, "MB");
            // Reported, not gated: what the process holds outside the heap (zlib's state for compression, socket buffers).
            print("native-per-1000", held == 0 ? Double.NaN : (nativeAfter - nativeBefore) / held * 1000, "MB");
            // Ten thousand held with at most 1 GiB of heap in use after a full collection, nothing refused.
            boolean pass = held >= GATE_CONNECTIONS && held == connections && heapAfter <= GATE_HEAP_MB;
            System.out.printf("bench sockets gate %s%n", pass ? "PASS" : "FAIL");
        }
    }

    /** Pairs the couples from many threads; returns each partner as {partnerId, coupleId}. */
    private static List<String[]> pair(PackagedProduct product, TestTokens issuer, int couples, int threads)
            throws Exception {
        CommandClient http = new CommandClient(product.baseUrl(), issuer::partner);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<List<String[]>>> pairs = new ArrayList<>();
        List<String[]> last = new ArrayList<>();
        for (int n = 0; n < couples; n++) {
            String[] partners = {UUID.randomUUID().toString(), UUID.randomUUID().toString()};
            pairs.add(pool.submit(() -> {
                JsonNode created = http.post(partners[0], "/api/commands/couples", "{\"displayName\":\"Alex\"}");
                String coupleId = created.get("coupleId").asString();
                http.post(partners[1], "/api/commands/couples/join", "{\"invitationCode\":\""
                        + created.get("invitationCode").asString() + "\",\"displayName\":\"Sam\"}");
                synchronized (last) {
                    last.add(new String[]{coupleId, partners[1]});
                }
                return List.of(new String[]{partners[0], coupleId}, new String[]{partners[1], coupleId});
            }));
        }
        List<String[]> paired = new ArrayList<>();
        for (Future<List<String[]>> pair : pairs) {
            paired.addAll(pair.get());
        }
        pool.shutdown();
        // A topic asked for before the view knows the partner is refused: wait for the last couple paired.
        String[] lastPaired = last.get(last.size() - 1);
        long giveUp = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (http.getWithToken(issuer.partner(lastPaired[1]), "/api/queries/couples/" + lastPaired[0]).statusCode() != 200) {
            if (System.nanoTime() > giveUp) {
                throw new IllegalStateException("The couples' views were not projected within 5 minutes");
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        return paired;
    }

    /** The heap in use right after a full collection the bench asks for: what the product really keeps. */
    private static double liveHeapMb(long pid) throws Exception {
        ProcessProbe.jcmd(pid, "GC.run");
        String info = ProcessProbe.jcmd(pid, "GC.heap_info");
        Matcher used = HEAP_USED.matcher(info);
        if (!used.find()) {
            throw new IllegalStateException("No heap figure in jcmd GC.heap_info: " + info);
        }
        return Long.parseLong(used.group(1)) / 1024.0;
    }

    /** Anonymous resident memory beyond the committed heap, after the C allocator hands back what it keeps free. */
    private static double beyondHeapMb(long pid) throws Exception {
        ProcessProbe.jcmd(pid, "System.trim_native_heap");
        String info = ProcessProbe.jcmd(pid, "GC.heap_info");
        Matcher committed = HEAP_COMMITTED.matcher(info);
        if (!committed.find()) {
            throw new IllegalStateException("No heap figure in jcmd GC.heap_info: " + info);
        }
        return ProcessProbe.residentMb(pid, "RssAnon:") - Long.parseLong(committed.group(1)) / 1024.0;
    }

    private static double metric(PackagedProduct product, String name) throws Exception {
        JsonNode answer = new tools.jackson.databind.ObjectMapper().readTree(product.text("/actuator/metrics/" + name));
        return answer.path("measurements").path(0).path("value").asDouble(Double.NaN);
    }

    /** A histogram growth line ("+1234.5 KB  class") as bytes per connection. */
    private static String perConnection(String growthLine, int held) {
        String[] parts = growthLine.strip().split("\\s+", 3);
        double kb = Double.parseDouble(parts[0]);
        return String.format("%8.0f B  %s", held == 0 ? 0 : kb * 1024 / held, parts[2]);
    }

    private static void print(String metric, double value, String unit) {
        System.out.printf("bench sockets %s %s %s%n", metric,
                value == Math.rint(value) ? String.valueOf((long) value) : String.format("%.1f", value), unit);
    }

    private SocketsBench() {
    }
}
