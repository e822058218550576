package app.duet.bench;

import app.duet.query.QueryServiceApplication;
import app.duet.query.events.NotifiedEventSource;
import app.duet.testing.PostgresTestDatabase;
import app.duet.testing.TestTokens;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextRefreshedEvent;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;

/**
 * How fast query-service builds every view from the events, against how fast the same events can be
 * read through a handler that does nothing, in the same run. {@link RebuildHistory} writes
 * {@code --events} events of many couples (each pairing, then sessions of bids and answers, with
 * appreciations between; {@code --in-session} couples at once) straight into a fresh PostgreSQL
 * schema, serialized and encrypted as the product does; query-service then starts on it with empty
 * views (the in-process MongoDB) and builds them all, timed from its processors' start until each
 * has reached the last event. The floor is a tracking processor on the same event source, batch
 * size and machine whose only handler takes each event (read, upcast, decrypted) and does nothing.
 * The schema is dropped after.
 * <p>
 * {@code ./mvnw -B -ntp -pl bench -am package spring-boot:run -DskipTests -Dduet.standalone.run.skip=true -Dspring-boot.run.arguments="--scenario=rebuild --events=1000000"}
 */
final class RebuildBench {

    private static final double GOAL = 50_000;
    private static final double GATE = 0.5;
    /** How often the processors' positions are read while they replay. */
    private static final Duration POLL = Duration.ofMillis(20);

    static void main(String[] args) throws Exception {
        Map<String, String> options = Bench.options(args);
        long events = Long.parseLong(options.getOrDefault("events", "1000000"));
        int couples = Integer.parseInt(options.getOrDefault("couples", String.valueOf(Math.max(10, events / 1000))));
        int inSession = Integer.parseInt(options.getOrDefault("in-session", "100"));
        // No network here: Axon's usage reporter would only fill the log with failures.
        System.setProperty("axoniq.update-checker.disabled", "true");
        try (PostgresTestDatabase database = PostgresTestDatabase.freshSchemaOrSkip()) {
            long written;
            try (ConfigurableApplicationContext commandSide = database.startCommandService()) {
                long writeStart = System.nanoTime();
                written = new RebuildHistory(commandSide, database.url(), couples, inSession).write(events);
                print("write-rate", written / seconds(writeStart), "events/s");
            }

            RebuildTimer timer = new RebuildTimer();
            long started = System.nanoTime();
            try (ConfigurableApplicationContext querySide = startQuerySide(database, timer)) {
                System.out.printf("query-service started in %.1f s%n", seconds(started));
                EventStorageEngine storage = querySide.getBean(EventStorageEngine.class);
                long head = storage.createHeadToken().position().orElse(0);
                Map<String, Double> perProcessor = timer.awaitHead(head, Duration.ofMinutes(30));
                perProcessor.forEach((name, rate) -> print(name + "-events-per-second", rate, "events/s"));
                double rebuild = timer.overall(head);
                double floor = floor(querySide.getBean(NotifiedEventSource.class), head,
                        Integer.parseInt(querySide.getEnvironment().getProperty("duet.projections.batch-size", "100")));
                double ratio = rebuild / floor;
                print("events", head + 1, "events");
                print("events-per-second", rebuild, "events/s");
                print("floor-events-per-second", floor, "events/s");
                print("ratio-to-floor", ratio, "ratio");
                System.out.printf("bench rebuild gate %s (rebuild >= %.0f%% of the floor)%n", ratio >= GATE ? "PASS" : "FAIL", GATE * 100);
                System.out.printf("bench rebuild goal %s (%.0f events/s, goal >= %.0f)%n", rebuild >= GOAL ? "MET" : "NOT-MET", rebuild, GOAL);
            }
        }
    }

    private static ConfigurableApplicationContext startQuerySide(PostgresTestDatabase database, RebuildTimer timer) {
        String[] arguments = Stream.of(database.springProperties(), TestTokens.trusted().springProperties(),
                        // The bench's schema holds the events only: no sign-in sessions to clean up each minute.
                        List.of("spring.config.name=" + QueryServiceApplication.CONFIG_NAME, "server.port=0",
                                "spring.flyway.enabled=false", "duet.mongo.embedded=true", "spring.session.jdbc.cleanup-cron=-"))
                .flatMap(List::stream).map(property -> "--" + property).toArray(String[]::new);
        return new SpringApplicationBuilder(QueryServiceApplication.class).listeners(timer).run(arguments);
    }

    /** A tracking processor on the product's own event source whose only handler takes each event and does nothing. */
    private static double floor(NotifiedEventSource source, long head, int batchSize) {
        TrackingEventProcessor floor = TrackingEventProcessor.builder()
                .name("bench-floor")
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(new DoNothing()).build())
                .messageSource(source)
                .tokenStore(new InMemoryTokenStore())
                .transactionManager(NoTransactionManager.instance())
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andBatchSize(batchSize)
                        .andInitialTrackingToken(StreamableMessageSource::createTailToken))
                .build();
        long start = System.nanoTime();
        floor.start();
        try {
            // The floor reads the same events with no work at all: far sooner than the rebuild's own bound.
            await().alias("the do-nothing replay reaching event " + head).atMost(Duration.ofHours(1))
                    .pollInterval(POLL).until(() -> position(floor) >= head);
            return (head + 1) / seconds(start);
        } finally {
            floor.shutDown();
        }
    }

    static final class DoNothing {
        @EventHandler
        void on(Object event) {
            // the event was read, upcast and decrypted to get here: that is the floor
        }
    }

    /**
     * Watches the query side's processors from the moment they start (the context is refreshed right
     * after they do) until each has reached the head; the per-instance access processor starts at the
     * head and builds nothing, and the idle cycle state does not run.
     */
    static final class RebuildTimer implements org.springframework.context.ApplicationListener<ContextRefreshedEvent> {

        private volatile ConfigurableApplicationContext context;
        private volatile long startNanos;
        private final Map<String, Long> startPositions = new ConcurrentHashMap<>();
        private final Map<String, Long> doneNanos = new ConcurrentHashMap<>();

        @Override
        public void onApplicationEvent(ContextRefreshedEvent event) {
            if (context == null && event.getApplicationContext() instanceof ConfigurableApplicationContext refreshed) {
                startNanos = System.nanoTime();
                context = refreshed;
                processors().forEach((name, processor) -> startPositions.put(name, position(processor)));
            }
        }

        Map<String, Double> awaitHead(long head, Duration atMost) {
            long[] nextReport = {System.nanoTime()};
            await().alias("every processor at event " + head).atMost(atMost).pollInterval(POLL).until(() -> {
                if (System.nanoTime() >= nextReport[0]) {
                    nextReport[0] += Duration.ofSeconds(10).toNanos();
                    Map<String, Long> positions = new TreeMap<>();
                    processors().forEach((name, processor) -> positions.put(name, position(processor)));
                    System.out.printf("rebuilding, %.0f s: %s of %d%n", (System.nanoTime() - startNanos) / 1e9, positions, head);
                }
                processors().forEach((name, processor) -> {
                    if (!doneNanos.containsKey(name) && position(processor) >= head) {
                        doneNanos.put(name, System.nanoTime());
                    }
                });
                return doneNanos.size() >= processors().size();
            });
            Map<String, Double> rates = new TreeMap<>();
            doneNanos.forEach((name, done) -> rates.put(name, (head - startPositions.getOrDefault(name, -1L))
                    / ((done - startNanos) / 1e9)));
            return rates;
        }

        /** Every event over the time from the processors' start until the last of them reached the head. */
        double overall(long head) {
            long from = startPositions.values().stream().mapToLong(Long::longValue).min().orElse(-1);
            long last = doneNanos.values().stream().mapToLong(Long::longValue).max().orElseThrow();
            return (head - from) / ((last - startNanos) / 1e9);
        }

        /** The processors that build views from the first event. */
        private Map<String, TrackingEventProcessor> processors() {
            Map<String, TrackingEventProcessor> building = new TreeMap<>();
            context.getBean(EventProcessingConfiguration.class).eventProcessors().forEach((name, processor) -> {
                if (processor instanceof TrackingEventProcessor tracking && tracking.isRunning()
                        && !name.equals("access-enforcement")) {
                    building.put(name, tracking);
                }
            });
            return building;
        }
    }

    static long position(TrackingEventProcessor processor) {
        return processor.processingStatus().values().stream()
                .mapToLong(status -> {
                    TrackingToken token = status.getTrackingToken();
                    return token == null ? -1 : token.position().orElse(-1);
                })
                .min().orElse(-1);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void print(String metric, double value, String unit) {
        System.out.printf("bench rebuild %s %.1f %s%n", metric, value, unit);
    }

    private RebuildBench() {
    }
}
