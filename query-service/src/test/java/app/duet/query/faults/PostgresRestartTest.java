package app.duet.query.faults;

import app.duet.access.StoreUnavailable;
import app.duet.query.support.Opened;
import app.duet.query.support.ProductOnH2;
import app.duet.command.CommandServiceApplication;
import app.duet.query.QueryServiceApplication;
import app.duet.query.live.ViewPublisher;
import app.duet.query.support.StompTestClient;
import app.duet.testing.CommandClient;
import app.duet.testing.OwnedPostgres;
import app.duet.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Acknowledged means kept, with the event store's PostgreSQL stopped under load and started again:
 * command-service and query-service run as in production, on a PostgreSQL the test owns, while
 * four couples' partners make bids without pause. While the database is down every command is
 * refused within seconds (503, Retry-After, a problem document); afterwards each bid answered 201
 * is stored exactly once and no refused one at all, and the query side, whose poll is set to a
 * minute, hears of new events at once again: its LISTEN connection came back by itself.
 */
class PostgresRestartTest {

    private static final int OPERATIONS = 200;
    private static final int COUPLES = 4;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Opened opened = new Opened();

    /** One bid's answer, with what is needed to send it again: its key (null if sent without one), partner and body. */
    private record Answer(String sessionId, int status, String bidId, long millis, String retryAfter, String contentType,
                          String rule, String key, String partner, String body) {

        boolean outcomeUnknown() {
            return status == 503 && StoreUnavailable.OUTCOME_UNKNOWN.equals(rule);
        }
    }

    @Test
    void everyAnsweredCommandIsKeptAndEveryRefusedOneIsNot() throws Exception {
        OwnedPostgres database = opened.open(OwnedPostgres.startOrSkip());
        ConfigurableApplicationContext commandSide = opened.open(new SpringApplicationBuilder(CommandServiceApplication.class)
                .run(Opened.serviceArguments(database.springProperties(), "spring.config.name=" + CommandServiceApplication.CONFIG_NAME,
                        "duet.access.commands-per-second=1000", "duet.access.command-burst=1000",
                        // A claim left by a request whose answer the stop cut off is taken over soon after.
                        "duet.idempotency.claim-timeout=3s",
                        "spring.autoconfigure.exclude=org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration,"
                                + "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration,"
                                + "org.springframework.boot.data.mongodb.autoconfigure.DataMongoRepositoriesAutoConfiguration")));
        ConfigurableApplicationContext querySide = opened.open(new SpringApplicationBuilder(QueryServiceApplication.class)
                .run(Opened.serviceArguments(database.springProperties(), "spring.config.name=" + QueryServiceApplication.CONFIG_NAME,
                        "duet.mongo.embedded=true", "spring.flyway.enabled=false", "duet.projections.fallback-poll=60s")));
        CommandClient commands = new CommandClient("http://localhost:" + ProductOnH2.port(commandSide));
        List<String[]> partners = new ArrayList<>();
        List<String> sessions = new ArrayList<>();
        for (int couple = 0; couple < COUPLES; couple++) {
            String alex = UUID.randomUUID().toString();
            String sam = UUID.randomUUID().toString();
            partners.add(new String[] {alex, sam});
            sessions.add(commands.pairAndJoinSession(alex, sam).sessionId());
        }
        StompTestClient screen = opened.open(StompTestClient.connect("ws://localhost:" + ProductOnH2.port(querySide) + "/ws",
                TestTokens.trusted().partner(partners.get(0)[0])));
        String topic = ViewPublisher.SESSION_TOPIC + sessions.get(0);
        screen.subscribe(topic);
        ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> {
            answers.add(bid(commands, sessions.get(0), partners.get(0)[1]));
            return screen.latestVersion(topic) > 0;
        });
        AtomicBoolean stopBidding = new AtomicBoolean();
        ExecutorService bidders = Executors.newFixedThreadPool(COUPLES);
        try {
            for (int couple = 0; couple < COUPLES; couple++) {
                String sessionId = sessions.get(couple);
                String[] pair = partners.get(couple);
                bidders.submit(() -> {
                    for (int i = 0; !stopBidding.get(); i++) {
                        answers.add(bid(commands, sessionId, pair[i % 2]));
                    }
                    return null;
                });
            }
            await().atMost(Duration.ofSeconds(25)).until(() -> count(answers, 201) >= OPERATIONS / 2);
            database.stop();
            await().atMost(Duration.ofSeconds(20)).until(() -> count(answers, 503) >= 2 * COUPLES);
            database.start();
            long beforeRestart = count(answers, 201);
            await().atMost(Duration.ofSeconds(25))
                    .until(() -> count(answers, 201) >= Math.max(OPERATIONS, beforeRestart + OPERATIONS / 2));
        } finally {
            stopBidding.set(true);
            bidders.shutdown();
            assertThat(bidders.awaitTermination(20, TimeUnit.SECONDS)).as("every bidder got its last answer").isTrue();
        }

        long pushed = timeToPush(commands, screen, topic, sessions.get(0), partners.get(0)[0], answers);

        // Cut off in the commit itself: kept or not, nobody could tell then. Each keyed one is settled
        // by sending it again with its key, as the page does; an unkeyed one can only be counted.
        List<Answer> unknown = answers.stream().filter(Answer::outcomeUnknown).toList();
        Set<String> settledAsDone = new HashSet<>();
        int settledAsKept = 0;
        for (Answer cutOff : unknown) {
            if (cutOff.key() != null) {
                HttpResponse<String> again = settle(commands, cutOff);
                if (again.statusCode() == 201) {
                    settledAsDone.add(JSON.readTree(again.body()).path("bidId").asString());
                } else {
                    settledAsKept++;
                }
            }
        }
        long unkeyedUnknown = unknown.stream().filter(answer -> answer.key() == null).count();

        List<Answer> refused = answers.stream().filter(answer -> answer.status() != 201 && !answer.outcomeUnknown()).toList();
        assertThat(refused).as("refusals while the database was down").isNotEmpty().allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(503);
            assertThat(answer.retryAfter()).isNotBlank();
            assertThat(answer.contentType()).startsWith("application/problem+json");
            // The pool gives up after 2 s (command-service.yml); the bound only has to tell that from
            // the pool's default 30 s, with room for a machine shared by other work.
            assertThat(answer.millis()).as("refused fast, not after the pool's default 30 s").isLessThan(10_000);
        });
        Set<String> acknowledged = new HashSet<>();
        answers.stream().filter(answer -> answer.status() == 201).forEach(answer -> acknowledged.add(answer.bidId()));
        acknowledged.addAll(settledAsDone);
        Map<String, Integer> stored = storedBids(commandSide, sessions);
        long lost = acknowledged.stream().filter(bidId -> !stored.containsKey(bidId)).count();
        long duplicated = stored.values().stream().mapToLong(times -> times - 1).sum();
        long storedThoughRefused = stored.keySet().stream().filter(bidId -> !acknowledged.contains(bidId)).count();
        System.out.printf("fault postgres-restart operations=%d lost=%d duplicated=%d%n", answers.size(), lost, duplicated);
        System.out.printf("postgres-restart: %d answered 201, %d refused 503 (slowest refusal %d ms), %d cut off in the commit"
                        + " (%d settled by their key as done now, %d as kept before, %d without a key), push after the restart in %d ms%n",
                acknowledged.size(), refused.size(), refused.stream().mapToLong(Answer::millis).max().orElse(0), unknown.size(),
                settledAsDone.size(), settledAsKept, unkeyedUnknown, pushed);

        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(OPERATIONS);
        assertThat(lost).as("answered 201, not in the event store").isZero();
        assertThat(duplicated).as("stored more than once").isZero();
        // What is stored but was never answered 201 can only be commits cut off before their answer:
        // every one settled as kept, and at most the unkeyed ones nobody could settle.
        assertThat(storedThoughRefused).as("stored without a 201: only commits cut off before their answer")
                .isBetween((long) settledAsKept, settledAsKept + unkeyedUnknown);
        assertThat(pushed).as("command -> push once the database is back").isLessThan(5_000);
    }

    /** How long a bid made after the restart takes to reach the screen: the query side was woken, not polling. */
    private static long timeToPush(CommandClient commands, StompTestClient screen, String topic, String sessionId,
                                   String bidder, ConcurrentLinkedQueue<Answer> answers) {
        Answer answer = bid(commands, sessionId, bidder);
        answers.add(answer);
        assertThat(answer.status()).isEqualTo(201);
        long returned = System.nanoTime();
        StompTestClient.Received push = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5))
                .until(() -> screen.received().stream()
                        .filter(received -> received.destination().equals(topic)
                                && received.body().toString().contains(answer.bidId()))
                        .findFirst(), java.util.Optional::isPresent)
                .orElseThrow();
        return Math.max(0, push.receivedNanos() - returned) / 1_000_000;
    }

    private static final java.util.concurrent.atomic.AtomicInteger KEYED = new java.util.concurrent.atomic.AtomicInteger();

    private static Answer bid(CommandClient commands, String sessionId, String partner) {
        long started = System.nanoTime();
        // Every other bid carries an Idempotency-Key, as the page's do: its key is read and written
        // before the command runs, and a database away must be answered 503 there too.
        String path = "/api/commands/sessions/" + sessionId + "/bids";
        String body = "{\"words\":\"a bid " + UUID.randomUUID() + "\"}";
        String key = KEYED.getAndIncrement() % 2 == 0 ? UUID.randomUUID().toString() : null;
        HttpResponse<String> answer = key != null
                ? commands.sendWithKey(partner, path, body, key)
                : commands.send(partner, path, body);
        long millis = (System.nanoTime() - started) / 1_000_000;
        String bidId = answer.statusCode() == 201 ? JSON.readTree(answer.body()).path("bidId").asString() : null;
        String rule = answer.statusCode() / 100 == 2 ? null : ruleOf(answer.body());
        return new Answer(sessionId, answer.statusCode(), bidId, millis,
                answer.headers().firstValue("Retry-After").orElse(""),
                answer.headers().firstValue("Content-Type").orElse(""), rule, key, partner, body);
    }

    private static String ruleOf(String problem) {
        try {
            JsonNode rule = JSON.readTree(problem).path("rule");
            return rule.isString() ? rule.asString() : null;
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    /**
     * Sends a cut-off bid again with its key until the answer is final: 201 (it had not been kept, and
     * now is; or its first answer, replayed) or 409 idempotency-key-answer-lost (kept, answer lost).
     */
    private static HttpResponse<String> settle(CommandClient commands, Answer cutOff) {
        String path = "/api/commands/sessions/" + cutOff.sessionId() + "/bids";
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> commands.sendWithKey(cutOff.partner(), path, cutOff.body(), cutOff.key()),
                        again -> again.statusCode() == 201 || (again.statusCode() == 409
                                && again.body().contains("idempotency-key-answer-lost")));
    }

    private static long count(ConcurrentLinkedQueue<Answer> answers, int status) {
        return answers.stream().filter(answer -> answer.status() == status).count();
    }

    /** Each stored bid's id (read from the event's payload, whose words are encrypted) and how often it is stored. */
    private static Map<String, Integer> storedBids(ConfigurableApplicationContext commandSide, List<String> sessions) {
        Map<String, Integer> stored = new HashMap<>();
        commandSide.getBean(JdbcClient.class)
                .sql("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry"
                        + " WHERE payload_type = 'app.duet.api.session.BidMade' AND aggregate_identifier IN (:sessions)")
                .param("sessions", sessions).query(String.class).list()
                .forEach(payload -> stored.merge(JSON.readTree(payload).path("bidId").asString(), 1, Integer::sum));
        return stored;
    }




    /** Closes everything, the PostgreSQL server last, even when closing something before it fails. */
    @AfterEach
    void closeWhatWasOpened() throws Exception {
        opened.close();
    }
}
