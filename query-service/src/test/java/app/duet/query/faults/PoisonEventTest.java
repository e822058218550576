package app.duet.query.faults;

import app.duet.query.support.Opened;
import app.duet.query.support.ProductOnH2;
import app.duet.api.access.Role;
import app.duet.api.session.BidMade;
import app.duet.command.CommandServiceApplication;
import app.duet.query.QueryServiceApplication;
import app.duet.query.live.LiveViews;
import app.duet.testing.CommandClient;
import app.duet.testing.OwnedPostgres;
import app.duet.testing.TestTokens;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiPredicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A poison event: one partner's bid that the live views cannot apply (a handler of theirs fails on
 * it until "fixed"). It goes to the projection's dead-letter queue and that session's later events
 * queue up behind it, while the other couples' sessions are projected on; the queue survives a
 * restart of query-service, as the projections do; operators see it without any content; and once
 * the handler is fixed an admin's retry applies every parked event, so each is applied exactly once.
 */
class PoisonEventTest {

    private static final int COUPLES = 4;
    private static final int BIDS_EACH = 50;
    private static final int POISON_AT = 20;
    private static final int WHILE_DOWN = 5;

    private final Opened opened = new Opened();

    /** A handler of the live views that cannot handle a bid starting with "poison" until it is fixed. */
    @ProcessingGroup(LiveViews.PROCESSING_GROUP)
    static class FaultyHandler {

        static volatile boolean fixed;

        @EventHandler
        void on(BidMade bid) {
            if (!fixed && bid.words().startsWith("poison")) {
                throw new IllegalStateException("Cannot handle the bid \"" + bid.words() + "\" of " + bid.fromPartnerId());
            }
        }
    }

    @Test
    void aPoisonEventStopsOnlyItsSequenceSurvivesARestartAndIsAppliedOnceWhenRetried() throws Exception {
        FaultyHandler.fixed = false;
        OwnedPostgres database = opened.open(OwnedPostgres.startOrSkip());
        MongoServer mongo = new MongoServer(new MemoryBackend());
        mongo.bind("127.0.0.1", 0);
        InetSocketAddress mongoAddress = mongo.getLocalAddress();
        opened.open(mongo::shutdownNow);
        String mongoUri = "mongodb://127.0.0.1:" + mongoAddress.getPort() + "/duet";
        ConfigurableApplicationContext commandSide = opened.open(new SpringApplicationBuilder(CommandServiceApplication.class)
                .run(Opened.serviceArguments(database.springProperties(), "spring.config.name=" + CommandServiceApplication.CONFIG_NAME,
                        "duet.access.commands-per-second=1000", "duet.access.command-burst=1000",
                        "spring.autoconfigure.exclude=org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration,"
                                + "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration,"
                                + "org.springframework.boot.data.mongodb.autoconfigure.DataMongoRepositoriesAutoConfiguration")));
        ConfigurableApplicationContext querySide = startQuerySide(database, mongoUri);
        CommandClient commands = new CommandClient("http://localhost:" + ProductOnH2.port(commandSide));

        List<String> sessions = new ArrayList<>();
        Map<String, String> partnerOf = new ConcurrentHashMap<>();
        for (int couple = 0; couple < COUPLES; couple++) {
            String alex = UUID.randomUUID().toString();
            String sam = UUID.randomUUID().toString();
            String sessionId = commands.pairAndJoinSession(alex, sam).sessionId();
            sessions.add(sessionId);
            partnerOf.put(sessionId, alex);
        }
        String poisoned = sessions.get(0);
        Map<String, List<String>> acknowledged = new ConcurrentHashMap<>();
        bidInEverySession(commands, sessions, partnerOf, acknowledged, BIDS_EACH,
                (session, i) -> session.equals(poisoned) && i == POISON_AT);

        int parked = BIDS_EACH - POISON_AT;
        CommandClient analyst = new CommandClient("http://localhost:" + ProductOnH2.port(querySide),
                id -> TestTokens.trusted().token(id, Role.ANALYST, Duration.ofMinutes(10)));
        awaitParkedAndTheOthersProjected(analyst, querySide, sessions, poisoned, partnerOf, acknowledged, parked);
        String listing = analyst.getAs(TestTokens.trusted().token("analyst", Role.ANALYST, Duration.ofMinutes(10)),
                "/api/queries/analytics/projections/live-views/dead-letters").body();
        JsonNode letters = new tools.jackson.databind.ObjectMapper().readTree(listing);
        assertThat(letters).hasSize(parked);
        assertThat(letters.findValuesAsString("eventType")).containsOnly("BidMade");
        assertThat(letters.findValuesAsString("cause")).containsOnly(IllegalStateException.class.getName());
        assertThat(letters.get(0).path("aggregate").asString()).isNotBlank();
        assertThat(listing).as("operators see no content and no ids").doesNotContain("poison", "a bid", poisoned,
                partnerOf.get(poisoned));
        assertThat(storedDeadLetterText(mongoUri)).as("the queue in MongoDB keeps words encrypted, failures by class")
                .isNotEmpty().noneMatch(text -> text.contains("poison") || text.contains("a bid "));

        querySide.close();
        opened.forget(querySide);
        bidInEverySession(commands, sessions, partnerOf, acknowledged, WHILE_DOWN, (session, i) -> false);
        querySide = startQuerySide(database, mongoUri);
        analyst = new CommandClient("http://localhost:" + ProductOnH2.port(querySide),
                id -> TestTokens.trusted().token(id, Role.ANALYST, Duration.ofMinutes(10)));
        awaitParkedAndTheOthersProjected(analyst, querySide, sessions, poisoned, partnerOf, acknowledged, parked + WHILE_DOWN);

        CommandClient queries = new CommandClient("http://localhost:" + ProductOnH2.port(querySide));
        String retry = "/api/queries/analytics/projections/live-views/dead-letters/retry";
        assertThat(queries.sendWithToken(TestTokens.trusted().token("analyst", Role.ANALYST, Duration.ofMinutes(10)),
                retry, null).statusCode()).as("retrying is for admins").isEqualTo(403);
        assertThat(new CommandClient("http://localhost:" + ProductOnH2.port(querySide),
                id -> TestTokens.trusted().token(id, Role.ADMIN, Duration.ofMinutes(10))).post("admin", retry, null)
                .path("sequencesStillFailing").asInt()).as("still poisonous: the sequence stays parked").isEqualTo(1);
        FaultyHandler.fixed = true;
        JsonNode retried = new CommandClient("http://localhost:" + ProductOnH2.port(querySide),
                id -> TestTokens.trusted().token(id, Role.ADMIN, Duration.ofMinutes(10))).post("admin", retry, null);
        assertThat(retried.path("sequencesApplied").asInt()).isEqualTo(1);
        assertThat(retried.path("deadLetters").asLong()).isZero();

        long operations = acknowledged.values().stream().mapToLong(List::size).sum();
        long lost = 0;
        long duplicated = 0;
        for (String session : sessions) {
            JsonNode view = queries.get(partnerOf.get(session), "/api/queries/sessions/" + session);
            List<String> shown = queries.allItems(partnerOf.get(session), "/api/queries/sessions/" + session, "bids")
                    .stream().map(bid -> bid.path("bidId").asString()).toList();
            lost += acknowledged.get(session).stream().filter(bidId -> !shown.contains(bidId)).count();
            duplicated += shown.size() - shown.stream().distinct().count();
            long stored = storedEvents(commandSide, session);
            assertThat(view.path("version").asLong()).as("every event of the session applied once").isEqualTo(stored);
        }
        System.out.printf("fault poison-event operations=%d lost=%d duplicated=%d%n", operations, lost, duplicated);
        assertThat(operations).isGreaterThanOrEqualTo(200);
        assertThat(lost).as("acknowledged, never shown").isZero();
        assertThat(duplicated).as("shown twice").isZero();
    }

    /**
     * Waits until the live views have read every event, the poisoned session's view stops at the
     * bid before the poison and its queue holds the rest, and every other session shows all its bids.
     */
    private static void awaitParkedAndTheOthersProjected(CommandClient analyst, ConfigurableApplicationContext querySide,
                                                         List<String> sessions, String poisoned, Map<String, String> partnerOf,
                                                         Map<String, List<String>> acknowledged, int parked) {
        CommandClient partners = new CommandClient("http://localhost:" + ProductOnH2.port(querySide));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            JsonNode liveViews = null;
            for (JsonNode status : analyst.get("analyst", "/api/queries/analytics/projections")) {
                liveViews = status.path("name").asString().equals(LiveViews.PROCESSING_GROUP) ? status : liveViews;
            }
            assertThat(liveViews).isNotNull();
            assertThat(liveViews.path("position").asLong()).isEqualTo(liveViews.path("head").asLong());
            assertThat(liveViews.path("deadLetters").asLong()).isEqualTo(parked);
            for (String session : sessions) {
                List<String> shown = partners.allItems(partnerOf.get(session), "/api/queries/sessions/" + session, "bids")
                        .stream().map(bid -> bid.path("bidId").asString()).toList();
                if (!session.equals(poisoned)) {
                    assertThat(shown).containsExactlyElementsOf(acknowledged.get(session));
                } else if (shown.size() == POISON_AT) {
                    assertThat(shown).containsExactlyElementsOf(acknowledged.get(session).subList(0, POISON_AT));
                } else {
                    // The view's own handler ran before the faulty one failed; the retry applies it no second time.
                    assertThat(shown).containsExactlyElementsOf(acknowledged.get(session).subList(0, POISON_AT + 1));
                }
            }
        });
    }

    /** Bids in every session at once, one thread a session, so each session's bids keep their order. */
    private static void bidInEverySession(CommandClient commands, List<String> sessions, Map<String, String> partnerOf,
                                          Map<String, List<String>> acknowledged, int bidsEach,
                                          BiPredicate<String, Integer> poison) throws Exception {
        ExecutorService partners = Executors.newFixedThreadPool(sessions.size());
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (String session : sessions) {
                List<String> kept = acknowledged.computeIfAbsent(session, s -> Collections.synchronizedList(new ArrayList<>()));
                runs.add(partners.submit(() -> {
                    for (int i = 0; i < bidsEach; i++) {
                        String words = (poison.test(session, i) ? "poison " : "a bid ") + UUID.randomUUID();
                        kept.add(commands.post(partnerOf.get(session), "/api/commands/sessions/" + session + "/bids",
                                "{\"words\":\"" + words + "\"}").path("bidId").asString());
                    }
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get(60, TimeUnit.SECONDS);
            }
        } finally {
            partners.shutdownNow();
        }
    }

    private static long storedEvents(ConfigurableApplicationContext commandSide, String aggregateId) {
        return commandSide.getBean(JdbcClient.class)
                .sql("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = :id")
                .param("id", aggregateId).query(Long.class).single();
    }

    /** Every string and binary value of the stored dead letters, as text. */
    private static List<String> storedDeadLetterText(String mongoUri) {
        List<String> texts = new ArrayList<>();
        try (MongoClient client = MongoClients.create(mongoUri)) {
            for (Document letter : client.getDatabase("duet").getCollection("deadletters").find()) {
                collectText(letter.values(), texts);
            }
        }
        return texts;
    }

    private static void collectText(Collection<?> values, List<String> texts) {
        for (Object value : values) {
            if (value instanceof Document nested) {
                collectText(nested.values(), texts);
            } else if (value instanceof Binary binary) {
                texts.add(new String(binary.getData(), StandardCharsets.UTF_8));
            } else if (value instanceof byte[] bytes) {
                texts.add(new String(bytes, StandardCharsets.UTF_8));
            } else if (value instanceof String text) {
                texts.add(text);
            }
        }
    }

    private ConfigurableApplicationContext startQuerySide(OwnedPostgres database, String mongoUri) {
        return opened.open(new SpringApplicationBuilder(QueryServiceApplication.class, FaultyHandler.class)
                .run(Opened.serviceArguments(database.springProperties(), "spring.config.name=" + QueryServiceApplication.CONFIG_NAME,
                        "duet.mongo.embedded=false", "spring.mongodb.uri=" + mongoUri, "spring.flyway.enabled=false")));
    }




    @AfterEach
    void closeWhatWasOpened() throws Exception {
        opened.close();
    }
}
