package app.duet.command.session;

import app.duet.api.session.AnswersRevealed;
import app.duet.testing.CommandClient;
import app.duet.testing.PostgresTestDatabase;
import com.github.kagkarlsson.scheduler.Scheduler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.ObjectMapper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A reveal's countdown is a durable deadline (db-scheduler's table in the event store's PostgreSQL):
 * a countdown started on an instance stopped before it ended reveals the answers once the service is
 * started again; countdowns started through two instances on one database each reveal once. Every
 * instance here polls db-scheduler's table only as it starts, so the reveals after the restart land
 * at their countdown's end only because the instance that started each looks for it then
 * ({@code DueSoonDeadlines}). Prints {@code fault reveal-countdown-restart ...}.
 */
class RevealCountdownOnPostgresTest {

    private static final String TWO_SECOND_COUNTDOWN = "duet.session.reveal-countdown=2s";
    /** db-scheduler looks for due deadlines as it starts, then not for an hour. */
    private static final String POLL_AT_START_ONLY = "db-scheduler.polling-interval=1h";
    private static final int SESSIONS_ACROSS_INSTANCES = 4;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aCountdownRevealsOnceThroughARestartAndAcrossTwoInstances() throws Exception {
        try (PostgresTestDatabase database = PostgresTestDatabase.freshSchemaOrSkip()) {
            List<String> sessions = new ArrayList<>();
            try (ConfigurableApplicationContext before = database.startCommandService(TWO_SECOND_COUNTDOWN, POLL_AT_START_ONLY)) {
                assertThat(before.getBean(DeadlineManager.class)).isInstanceOf(DbSchedulerDeadlineManager.class);
                sessions.add(bothReady(new CommandClient(baseUrl(before))));
                JdbcClient jdbc = before.getBean(JdbcClient.class);
                assertThat(pendingDeadlines(jdbc)).as("the countdown's end, stored with its start").isEqualTo(1);
                assertThat(reveals(jdbc)).as("stopped before the countdown ended").isEmpty();
            }

            Map<String, Long> revealed;
            try (ConfigurableApplicationContext after = database.startCommandService(TWO_SECOND_COUNTDOWN, POLL_AT_START_ONLY)) {
                JdbcClient jdbc = after.getBean(JdbcClient.class);
                await().atMost(Duration.ofSeconds(30)).until(() -> reveals(jdbc).containsKey(sessions.get(0)));
                assertThat(pendingDeadlines(jdbc)).isZero();

                try (ConfigurableApplicationContext second = database.startCommandService(TWO_SECOND_COUNTDOWN, POLL_AT_START_ONLY)) {
                    assertThat(List.of(after, second)).allSatisfy(instance ->
                            assertThat(instance.getBean(Scheduler.class).getSchedulerState().isStarted()).isTrue());
                    List<CommandClient> instances = List.of(new CommandClient(baseUrl(after)), new CommandClient(baseUrl(second)));
                    for (int n = 0; n < SESSIONS_ACROSS_INSTANCES; n++) {
                        sessions.add(bothReady(instances.get(n % 2)));
                    }
                    // No instance polls again for an hour: each countdown lands at its end, or not at all.
                    await().atMost(Duration.ofSeconds(20)).until(() -> reveals(jdbc).keySet().containsAll(sessions));
                    assertThat(pendingDeadlines(jdbc)).isZero();
                    revealed = reveals(jdbc);
                }
            }

            long lost = sessions.stream().filter(session -> !revealed.containsKey(session)).count();
            long duplicated = revealed.values().stream().mapToLong(times -> times - 1).sum();
            System.out.printf("fault reveal-countdown-restart operations=%d lost=%d duplicated=%d%n", sessions.size(), lost, duplicated);
            assertThat(revealed).as("each step revealed exactly once").containsOnlyKeys(sessions)
                    .allSatisfy((session, times) -> assertThat(times).isOne());
        }
    }

    /** A new couple's check-in: both lean, both mark the step ready, which starts its countdown. */
    private static String bothReady(CommandClient http) {
        String alex = UUID.randomUUID().toString();
        String sam = UUID.randomUUID().toString();
        String session = "/api/commands/sessions/" + http.pairAndJoinSession(alex, sam).sessionId();
        for (String partner : List.of(alex, sam)) {
            assertThat(http.sendPut(partner, session + "/leans/lean-" + partner.substring(0, 8),
                    "{\"step\":\"lean\",\"lean\":\"BACK\",\"energy\":5}").statusCode()).isEqualTo(204);
        }
        for (String partner : List.of(alex, sam)) {
            assertThat(http.send(partner, session + "/steps/lean/ready", null).statusCode()).isEqualTo(204);
        }
        return session.substring(session.lastIndexOf('/') + 1);
    }

    private static long pendingDeadlines(JdbcClient jdbc) {
        return jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name <> 'sessions-left-alone'").query(Long.class).single();
    }

    /** How often each session's step was revealed, from the stored events. */
    private static Map<String, Long> reveals(JdbcClient jdbc) {
        return jdbc.sql("SELECT payload FROM domain_event_entry WHERE payload_type = :type")
                .param("type", AnswersRevealed.class.getName())
                .query((row, n) -> JSON.readTree(row.getBytes("payload")).get("sessionId").asString())
                .list().stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private static String baseUrl(ConfigurableApplicationContext context) {
        return "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
