package app.duet.command.session;

import app.duet.testing.CommandClient;
import app.duet.testing.PostgresTestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Both partners act on one session at the same instant through two command-service instances on
 * one PostgreSQL event store: their appends collide on the session's sequence numbers, and the
 * loser is retried, so every action is accepted and stored once.
 */
class RacingPartnersTest {

    private static final int BIDS_EACH = 40;

    @Test
    void simultaneousActionsOnOneSessionAreAllKept() throws Exception {
        try (PostgresTestDatabase database = PostgresTestDatabase.freshSchemaOrSkip();
             ConfigurableApplicationContext first = start(database);
             ConfigurableApplicationContext second = start(database)) {
            CommandClient viaFirst = new CommandClient(baseUrl(first));
            CommandClient viaSecond = new CommandClient(baseUrl(second));
            String alex = UUID.randomUUID().toString();
            String sam = UUID.randomUUID().toString();
            CommandClient.PairedSession paired = viaFirst.pairAndJoinSession(alex, sam);
            String bids = "/api/commands/sessions/" + paired.sessionId() + "/bids";

            List<Integer> statuses = atOnce(() -> bidRepeatedly(viaFirst, alex, bids),
                    () -> bidRepeatedly(viaSecond, sam, bids));

            assertThat(statuses).hasSize(2 * BIDS_EACH).containsOnly(201);
            assertThat(stored(first, paired.sessionId(), "BidMade")).isEqualTo(2 * BIDS_EACH);
        }
    }

    /**
     * Both write entries and mark their check-in ready at once: no entry and no readiness is lost, so
     * the countdown that needs both starts once, and its end reveals both check-ins.
     */
    @Test
    void simultaneousEntriesAndSubmissionsAreAllKept() throws Exception {
        try (PostgresTestDatabase database = PostgresTestDatabase.freshSchemaOrSkip();
             ConfigurableApplicationContext first = start(database);
             ConfigurableApplicationContext second = start(database)) {
            CommandClient viaFirst = new CommandClient(baseUrl(first));
            CommandClient viaSecond = new CommandClient(baseUrl(second));
            String alex = UUID.randomUUID().toString();
            String sam = UUID.randomUUID().toString();
            CommandClient.PairedSession paired = viaFirst.pairAndJoinSession(alex, sam);
            String session = "/api/commands/sessions/" + paired.sessionId();

            List<Integer> statuses = atOnce(() -> writeAndSubmit(viaFirst, alex, session),
                    () -> writeAndSubmit(viaSecond, sam, session));

            assertThat(statuses).hasSize(2 * (BIDS_EACH + 2)).containsOnly(204);
            assertThat(stored(first, paired.sessionId(), "AnswersMarkedReady")).as("both were kept").isEqualTo(2);
            assertThat(stored(first, paired.sessionId(), "RevealCountdownStarted")).isEqualTo(1);
            await().atMost(Duration.ofSeconds(30)).until(() -> stored(first, paired.sessionId(), "AnswersRevealed") == 1);
            assertThat(stored(first, paired.sessionId(), "DraftWritten")).isEqualTo(2 * BIDS_EACH);
        }
    }

    /** Both partners' runs at the same time, each on its own thread; every answer's status, in no order. */
    private static List<Integer> atOnce(Callable<List<Integer>> one, Callable<List<Integer>> other) throws Exception {
        ExecutorService partners = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<Integer>>> answers = List.of(partners.submit(one), partners.submit(other));
            List<Integer> statuses = new ArrayList<>();
            for (Future<List<Integer>> answer : answers) {
                statuses.addAll(answer.get());
            }
            return statuses;
        } finally {
            partners.shutdown();
        }
    }

    /** How many events of this type the session's stream holds. */
    private static long stored(ConfigurableApplicationContext context, String sessionId, String type) {
        return context.getBean(JdbcClient.class)
                .sql("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = :session AND payload_type = :type")
                .param("session", sessionId).param("type", "app.duet.api.session." + type).query(Long.class).single();
    }

    private static List<Integer> writeAndSubmit(CommandClient instance, String partner, String session) {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < BIDS_EACH; i++) {
            statuses.add(instance.sendPut(partner, session + "/entries/note-" + i,
                    "{\"text\":\"note " + i + "\"}").statusCode());
        }
        statuses.add(instance.sendPut(partner, session + "/leans/my-lean",
                "{\"step\":\"lean\",\"lean\":\"BACK\",\"energy\":5}").statusCode());
        statuses.add(instance.send(partner, session + "/steps/lean/ready", null).statusCode());
        return statuses;
    }

    private static List<Integer> bidRepeatedly(CommandClient instance, String partner, String path) {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < BIDS_EACH; i++) {
            HttpResponse<String> answer = instance.send(partner, path, "{\"words\":\"bid " + i + "\"}");
            statuses.add(answer.statusCode());
        }
        return statuses;
    }

    private static ConfigurableApplicationContext start(PostgresTestDatabase database) {
        return database.startCommandService("duet.session.reveal-countdown=1s");
    }

    private static String baseUrl(ConfigurableApplicationContext context) {
        return "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
