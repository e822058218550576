package app.duet.bench;

import app.duet.query.support.StompTestClient;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * This machine's floor for a pushed change, measured in the same run as what is compared with it:
 * a row INSERTed and NOTIFYed in one durable commit on PostgreSQL, a LISTEN in another JVM
 * ({@link FloorServer}) that reads the row and pushes it as a STOMP frame on a WebSocket to two
 * clients in this one. Latency is commit start to each client's frame.
 * <p>
 * {@code bench/run floor --rate=100 --seconds=20}
 */
final class FloorBench {

    /** The floor's p99 in ms, what the live scenario divides by. */
    record Floor(double p99Ms, int missing) {
    }

    static void main(String[] args) throws Exception {
        Map<String, String> options = Bench.options(args);
        Figures.machineLoad("floor", "before");
        Floor floor = measure("floor", "", Integer.parseInt(options.getOrDefault("rate", "100")),
                Integer.parseInt(options.getOrDefault("seconds", "20")));
        Figures.machineLoad("floor", "after");
        if (floor.missing() > 0) {
            throw new IllegalStateException(floor.missing() + " floor frames never arrived");
        }
    }

    /** Writes {@code rate} rows a second for {@code seconds} and prints the latencies to both clients. */
    static Floor measure(String scenario, String prefix, int rate, int seconds) throws Exception {
        try (BenchSchema schema = new BenchSchema("floor");
             Connection writer = schema.connect()) {
            writer.createStatement().execute("CREATE TABLE bench_floor (id BIGINT PRIMARY KEY, payload TEXT NOT NULL)");
            Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-cp", System.getProperty("java.class.path"), FloorServer.class.getName(),
                    schema.url(), BenchSchema.USER, BenchSchema.PASSWORD)
                    .redirectError(ProcessBuilder.Redirect.appendTo(Files.createTempFile("duet-bench-floor-", ".log").toFile())).start();
            List<StompTestClient> clients = new ArrayList<>();
            try {
                int port = awaitPort(server);
                Map<Long, Long> sentAt = new ConcurrentHashMap<>();
                // The first two seconds warm both JVMs up and are not counted.
                long warmUp = 2L * rate;
                List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
                for (int c = 0; c < 2; c++) {
                    StompTestClient client = LiveCouples.connect("ws://127.0.0.1:" + port + "/ws", null);
                    client.subscribe(FloorServer.TOPIC);
                    client.onMessage(body -> {
                        long now = System.nanoTime();
                        long id = body.path("id").asLong();
                        Long sent = sentAt.get(id);
                        if (sent != null && id > warmUp) {
                            latencies.add(now - sent);
                        }
                    });
                    clients.add(client);
                }
                TimeUnit.MILLISECONDS.sleep(500);
                writer.setAutoCommit(false);
                String payload = "x".repeat(300);
                try (PreparedStatement insert = writer.prepareStatement("INSERT INTO bench_floor (id, payload) VALUES (?, ?)");
                     PreparedStatement notify = writer.prepareStatement("SELECT pg_notify('" + FloorServer.CHANNEL + "', ?)")) {
                    long start = System.nanoTime();
                    long total = (long) rate * seconds;
                    for (long n = 1; n <= total + warmUp; n++) {
                        long wait = start + (n - 1) * 1_000_000_000L / rate - System.nanoTime();
                        if (wait > 0) {
                            TimeUnit.NANOSECONDS.sleep(wait);
                        }
                        sentAt.put(n, System.nanoTime());
                        insert.setLong(1, n);
                        insert.setString(2, payload);
                        insert.executeUpdate();
                        notify.setString(1, Long.toString(n));
                        notify.executeQuery().close();
                        writer.commit();
                    }
                    long settle = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                    while (latencies.size() < 2 * total && System.nanoTime() < settle) {
                        TimeUnit.MILLISECONDS.sleep(20);
                    }
                    int missing = (int) (2 * total - latencies.size());
                    double p99 = Figures.latencies(scenario, prefix + "floor-insert-notify-to-2-clients", latencies);
                    Figures.line(scenario, prefix + "floor-missing", missing, "frames");
                    return new Floor(p99, missing);
                }
            } finally {
                clients.forEach(StompTestClient::close);
                server.destroy();
                if (!server.waitFor(10, TimeUnit.SECONDS)) {
                    server.destroyForcibly();
                }
            }
        }
    }

    private static int awaitPort(Process server) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("port ")) {
                return Integer.parseInt(line.substring(5).trim());
            }
        }
        throw new IllegalStateException("The floor server ended before it listened (exit " + server.waitFor() + ")");
    }

    private FloorBench() {
    }
}
