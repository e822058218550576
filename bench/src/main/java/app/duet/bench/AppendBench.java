package app.duet.bench;

import app.duet.testing.CommandClient;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Commands a second sustained: many writers, each with couples of its own in session, bid as fast
 * as they are answered, on the distributed command-service (PostgreSQL event store) and on
 * standalone. The floor, measured first in the same run on the same PostgreSQL, is raw durable
 * INSERTs of event-sized rows from as many writers, each row its own commit (PostgreSQL groups
 * their WAL flushes: group commit); a second floor batches 100 rows per commit. Gate: PostgreSQL
 * commands/s at least half the first floor; standalone is reported, not gated.
 * <p>
 * {@code bench/run append --writers=32 --seconds=20}
 */
final class AppendBench {

    private static final String S = "append";

    static void main(String[] args) throws Exception {
        Map<String, String> options = Bench.options(args);
        int writers = Integer.parseInt(options.getOrDefault("writers", "32"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "20"));
        List<String> stacks = List.of(options.getOrDefault("stacks", "distributed,standalone").split(","));
        Figures.machineLoad(S, "before");
        double floor = rawInserts(writers, seconds, 1);
        Figures.line(S, "raw-insert-floor", floor, "rows/s");
        Figures.line(S, "raw-batched-insert-floor", rawInserts(writers, seconds, 100), "rows/s");
        for (String name : stacks) {
            double rate;
            Accounts accounts = new Accounts(options);
            try (Stack stack = Stack.start(name, false, accounts.productArguments())) {
                Figures.Cpu cpu = new Figures.Cpu(stack.pids());
                rate = commands(stack, accounts, writers, seconds);
                cpu.print(S, "-" + name);
            }
            Figures.line(S, name + "-commands", rate, "commands/s");
            Figures.line(S, name + "-vs-floor", 100 * rate / floor, "%");
            if (name.equals("distributed")) {
                Figures.gate(S, "postgres-commands-at-least-half-floor", rate >= floor / 2,
                        String.format("%.0f commands/s = %.0f%% of %.0f rows/s", rate, 100 * rate / floor, floor));
            }
        }
        Figures.line(S, "commands-goal", 5000, "commands/s");
        Figures.machineLoad(S, "after");
    }

    /** Rows a second that {@code writers} connections commit, {@code batch} rows per commit. */
    private static double rawInserts(int writers, int seconds, int batch) throws Exception {
        try (BenchSchema schema = new BenchSchema("append")) {
            try (Connection setup = schema.connect()) {
                setup.createStatement().execute("CREATE TABLE bench_events (global_index BIGSERIAL PRIMARY KEY, "
                        + "aggregate_id TEXT NOT NULL, sequence_number BIGINT NOT NULL, payload BYTEA NOT NULL, "
                        + "UNIQUE (aggregate_id, sequence_number))");
            }
            AtomicLong rows = new AtomicLong();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            List<Future<?>> done = new ArrayList<>();
            long start = System.nanoTime();
            for (int w = 0; w < writers; w++) {
                done.add(pool.submit(() -> {
                    String aggregate = UUID.randomUUID().toString();
                    byte[] payload = new byte[400];
                    try (Connection connection = schema.connect();
                         PreparedStatement insert = connection.prepareStatement(
                                 "INSERT INTO bench_events (aggregate_id, sequence_number, payload) VALUES (?, ?, ?)")) {
                        connection.setAutoCommit(false);
                        long sequence = 0;
                        while (System.nanoTime() < until) {
                            for (int r = 0; r < batch; r++) {
                                insert.setString(1, aggregate);
                                insert.setLong(2, sequence++);
                                insert.setBytes(3, payload);
                                insert.addBatch();
                            }
                            insert.executeBatch();
                            connection.commit();
                            rows.addAndGet(batch);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> writer : done) {
                writer.get();
            }
            pool.shutdown();
            return rows.get() / ((System.nanoTime() - start) / 1e9);
        }
    }

    /** Commands a second the stack answers 2xx with {@code writers} writers bidding flat out after a 5 s warm-up. */
    private static double commands(Stack stack, Accounts accounts, int writers, int seconds) throws Exception {
        CommandClient http = new CommandClient(stack.commands, accounts.tokens::get);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        System.out.printf("Opening %d couples on %s…%n", writers, stack.name);
        List<Future<String[]>> opening = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            opening.add(pool.submit(() -> {
                String[] partners = {accounts.newPerson(stack, "PARTNER"), accounts.newPerson(stack, "PARTNER")};
                String session = http.pairAndJoinSession(partners[0], partners[1]).sessionId();
                return new String[]{session, partners[0], partners[1]};
            }));
        }
        List<String[]> couples = new ArrayList<>();
        for (Future<String[]> couple : opening) {
            couples.add(couple.get());
        }
        AtomicLong answered = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long warm = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        long until = warm + TimeUnit.SECONDS.toNanos(seconds);
        List<Future<?>> done = new ArrayList<>();
        for (String[] couple : couples) {
            done.add(pool.submit(() -> {
                for (long n = 0; System.nanoTime() < until; n++) {
                    long before = System.nanoTime();
                    var answer = http.send(couple[1 + (int) (n % 2)], "/api/commands/sessions/" + couple[0] + "/bids",
                            "{\"words\":\"append " + n + "\"}");
                    long after = System.nanoTime();
                    if (before >= warm) {
                        if (answer.statusCode() / 100 == 2) {
                            answered.incrementAndGet();
                            latencies.add(after - before);
                        } else {
                            refused.incrementAndGet();
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> writer : done) {
            writer.get();
        }
        pool.shutdown();
        Figures.latencies(S, stack.name + "-command", latencies);
        Figures.line(S, stack.name + "-refused", refused.get(), "commands");
        return answered.get() / (double) seconds;
    }

    private AppendBench() {
    }
}
