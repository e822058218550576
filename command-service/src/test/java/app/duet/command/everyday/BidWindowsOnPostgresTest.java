package app.duet.command.everyday;

import app.duet.api.everyday.EverydayBidMissed;
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
 * A bid's window is a durable deadline (db-scheduler's table in the event store's PostgreSQL): a
 * bid made on an instance stopped before its window closed is missed once the service is started
 * again; bids made through two instances on one database are each missed once, however the two
 * race for the deadlines and for the couple's stream. Prints {@code fault bid-missed-restart ...}.
 */
class BidWindowsOnPostgresTest {

    private static final String TWO_SECOND_WINDOW = "duet.bids.missed-after.between-sessions=2s";
    private static final String POLL_OFTEN = "db-scheduler.polling-interval=200ms";
    /** db-scheduler looks for due deadlines as it starts, then not for an hour: an instance gone before the window closes. */
    private static final String POLL_AT_START_ONLY = "db-scheduler.polling-interval=1h";
    private static final int BIDS_ACROSS_INSTANCES = 6;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anUnansweredBidIsMissedOnceThroughARestartAndAcrossTwoInstances() throws Exception {
        try (PostgresTestDatabase database = PostgresTestDatabase.freshSchemaOrSkip()) {
            String alex = UUID.randomUUID().toString();
            String sam = UUID.randomUUID().toString();
            String coupleId;
            List<String> bids = new ArrayList<>();
            try (ConfigurableApplicationContext before = database.startCommandService(TWO_SECOND_WINDOW, POLL_AT_START_ONLY)) {
                assertThat(before.getBean(DeadlineManager.class)).isInstanceOf(DbSchedulerDeadlineManager.class);
                CommandClient http = new CommandClient(baseUrl(before));
                coupleId = http.pairAndJoinSession(alex, sam).coupleId();
                bids.add(bid(http, alex, coupleId));
                JdbcClient jdbc = before.getBean(JdbcClient.class);
                assertThat(pendingDeadlines(jdbc)).as("the window, stored with the bid").isEqualTo(1);
                assertThat(missedBids(jdbc, coupleId)).as("stopped before the window closed").isEmpty();
            }

            Map<String, Long> missed;
            try (ConfigurableApplicationContext after = database.startCommandService(TWO_SECOND_WINDOW, POLL_OFTEN)) {
                JdbcClient jdbc = after.getBean(JdbcClient.class);
                CommandClient viaFirst = new CommandClient(baseUrl(after));
                await().atMost(Duration.ofSeconds(30)).until(() -> pendingDeadlines(jdbc) == 0);
                assertThat(missedBids(jdbc, coupleId)).as("missed once the service is back").containsOnlyKeys(bids.get(0));
                assertThat(viaFirst.send(sam, answer(coupleId, bids.get(0)), "{\"response\":\"TOWARD\"}").body())
                        .as("a missed bid is closed").contains("bid-missed");

                try (ConfigurableApplicationContext second = database.startCommandService(TWO_SECOND_WINDOW, POLL_OFTEN)) {
                    CommandClient viaSecond = new CommandClient(baseUrl(second));
                    assertThat(List.of(after, second)).allSatisfy(instance ->
                            assertThat(instance.getBean(Scheduler.class).getSchedulerState().isStarted()).isTrue());
                    // Both partners bid within moments, through both instances: the windows close together.
                    for (int n = 0; n < BIDS_ACROSS_INSTANCES; n++) {
                        bids.add(n % 2 == 0 ? bid(viaFirst, alex, coupleId) : bid(viaSecond, sam, coupleId));
                    }
                    await().atMost(Duration.ofSeconds(30)).until(() -> pendingDeadlines(jdbc) == 0);
                    missed = missedBids(jdbc, coupleId);
                }
            }

            long lost = bids.stream().filter(bid -> !missed.containsKey(bid)).count();
            long duplicated = missed.values().stream().mapToLong(times -> times - 1).sum();
            System.out.printf("fault bid-missed-restart operations=%d lost=%d duplicated=%d%n", bids.size(), lost, duplicated);
            assertThat(missed).as("each bid missed exactly once").containsOnlyKeys(bids).allSatisfy((bid, times) -> assertThat(times).isOne());
        }
    }

    private static String bid(CommandClient http, String partnerId, String coupleId) {
        return http.post(partnerId, "/api/commands/couples/" + coupleId + "/bids", "{\"words\":\"Walk tonight?\"}").get("bidId").asString();
    }

    private static String answer(String coupleId, String bidId) {
        return "/api/commands/couples/" + coupleId + "/bids/" + bidId + "/answer";
    }

    private static long pendingDeadlines(JdbcClient jdbc) {
        return jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name <> 'sessions-left-alone'").query(Long.class).single();
    }

    /** How often each bid of the couple was missed, from the stored events. */
    private static Map<String, Long> missedBids(JdbcClient jdbc, String coupleId) {
        return jdbc.sql("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = :couple AND payload_type = :type")
                .param("couple", coupleId).param("type", EverydayBidMissed.class.getName())
                .query((row, n) -> JSON.readTree(row.getBytes("payload")).get("bidId").asString())
                .list().stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private static String baseUrl(ConfigurableApplicationContext context) {
        return "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
