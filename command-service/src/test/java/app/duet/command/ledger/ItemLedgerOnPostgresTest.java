package app.duet.command.ledger;

import app.duet.testing.CommandClient;
import app.duet.testing.PostgresTestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The item ledger on PostgreSQL: bids made before it existed are entered from the stored events
 * when the service starts, so they can still be answered, once, however often they are entered; and
 * an erased couple leaves no row of its own or of its sessions.
 */
class ItemLedgerOnPostgresTest {

    private static final String TOWARD = "{\"response\":\"TOWARD\"}";

    @Test
    void bidsMadeBeforeTheLedgerExistedAreEnteredFromTheEventsAndAnsweredOnce() throws Exception {
        try (PostgresTestDatabase database = PostgresTestDatabase.freshSchemaOrSkip()) {
            String alex = UUID.randomUUID().toString();
            String sam = UUID.randomUUID().toString();
            String sessionBid;
            String everydayBid;
            CommandClient.PairedSession paired;
            try (ConfigurableApplicationContext before = database.startCommandService()) {
                CommandClient http = new CommandClient(baseUrl(before));
                paired = http.pairAndJoinSession(alex, sam);
                sessionBid = http.post(alex, "/api/commands/sessions/" + paired.sessionId() + "/bids", "{\"words\":\"sunset\"}")
                        .get("bidId").asString();
                everydayBid = http.post(alex, "/api/commands/couples/" + paired.coupleId() + "/bids", "{\"words\":\"walk?\"}")
                        .get("bidId").asString();
                // As a store written before the ledger existed: the events are there, the ledger is not.
                JdbcClient jdbc = before.getBean(JdbcClient.class);
                jdbc.sql("DELETE FROM item_ledger").update();
                jdbc.sql("DELETE FROM lookup_backfill").update();
            }
            try (ConfigurableApplicationContext after = database.startCommandService()) {
                CommandClient http = new CommandClient(baseUrl(after));
                String sessionAnswer = "/api/commands/sessions/" + paired.sessionId() + "/bids/" + sessionBid + "/answer";
                String everydayAnswer = "/api/commands/couples/" + paired.coupleId() + "/bids/" + everydayBid + "/answer";
                assertThat(http.send(alex, sessionAnswer, TOWARD).statusCode()).as("not the bid's recipient").isEqualTo(409);
                assertThat(http.send(sam, sessionAnswer, TOWARD).statusCode()).isEqualTo(204);
                assertThat(http.send(sam, everydayAnswer, TOWARD).statusCode()).isEqualTo(204);
                assertThat(http.send(sam, sessionAnswer, TOWARD).body()).contains("bid-already-answered");
                assertThat(http.send(sam, everydayAnswer, TOWARD).body()).contains("bid-already-answered");
                JdbcClient jdbc = after.getBean(JdbcClient.class);
                assertThat(jdbc.sql("SELECT COUNT(*) FROM lookup_backfill").query(Long.class).single()).isEqualTo(1);
                // As after an earlier build took commands again: the claim is dropped and the next start enters everything again.
                jdbc.sql("DELETE FROM lookup_backfill").update();
            }
            try (ConfigurableApplicationContext again = database.startCommandService()) {
                CommandClient http = new CommandClient(baseUrl(again));
                assertThat(http.send(sam, "/api/commands/sessions/" + paired.sessionId() + "/bids/" + sessionBid + "/answer", TOWARD)
                        .body()).as("entered twice, still answered once").contains("bid-already-answered");
                assertThat(again.getBean(JdbcClient.class).sql("SELECT COUNT(*) FROM item_ledger WHERE couple_id = :couple")
                        .param("couple", paired.coupleId()).query(Long.class).single()).isEqualTo(2);
            }
        }
    }

    @Test
    void anErasedCoupleLeavesNothingInTheLedger() throws Exception {
        try (PostgresTestDatabase database = PostgresTestDatabase.freshSchemaOrSkip();
             ConfigurableApplicationContext service = database.startCommandService()) {
            CommandClient http = new CommandClient(baseUrl(service));
            String alex = UUID.randomUUID().toString();
            String sam = UUID.randomUUID().toString();
            CommandClient.PairedSession paired = http.pairAndJoinSession(alex, sam);
            http.post(alex, "/api/commands/sessions/" + paired.sessionId() + "/bids", "{\"words\":\"sunset\"}");
            http.post(sam, "/api/commands/couples/" + paired.coupleId() + "/appreciations", "{\"words\":\"thanks\"}");
            JdbcClient jdbc = service.getBean(JdbcClient.class);
            List<String> owners = List.of(paired.sessionId(), paired.coupleId());
            assertThat(rowsOf(jdbc, owners)).isEqualTo(2);

            http.post(alex, "/api/commands/couples/" + paired.coupleId() + "/erase", null);

            assertThat(rowsOf(jdbc, owners)).isZero();
        }
    }

    private static long rowsOf(JdbcClient jdbc, List<String> owners) {
        return jdbc.sql("SELECT COUNT(*) FROM item_ledger WHERE owner_id IN (:owners)").param("owners", owners)
                .query(Long.class).single();
    }

    private static String baseUrl(ConfigurableApplicationContext context) {
        return "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
