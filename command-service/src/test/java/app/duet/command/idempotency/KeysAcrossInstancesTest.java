package app.duet.command.idempotency;

import app.duet.testing.CommandClient;
import app.duet.testing.PostgresTestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One appreciation sent at once, with one Idempotency-Key, to two command-service instances on one
 * PostgreSQL event store: it is stored once; every answer is the first one or "still running", and
 * once done, either instance answers a retry with the first answer.
 */
class KeysAcrossInstancesTest {

    private static final int SENDS = 8;

    @Test
    void oneKeySentToTwoInstancesAtOnceIsDoneOnce() throws Exception {
        try (PostgresTestDatabase database = PostgresTestDatabase.freshSchemaOrSkip();
             ConfigurableApplicationContext first = database.startCommandService();
             ConfigurableApplicationContext second = database.startCommandService()) {
            CommandClient viaFirst = new CommandClient(baseUrl(first));
            CommandClient viaSecond = new CommandClient(baseUrl(second));
            String alex = UUID.randomUUID().toString();
            String coupleId = viaFirst.pairAndJoinSession(alex, UUID.randomUUID().toString()).coupleId();
            String path = "/api/commands/couples/" + coupleId + "/appreciations";
            String key = UUID.randomUUID().toString();
            String body = "{\"words\":\"You held my hand\"}";

            List<HttpResponse<String>> answers = new ArrayList<>();
            ExecutorService senders = Executors.newFixedThreadPool(SENDS);
            try {
                List<Future<HttpResponse<String>>> sent = new ArrayList<>();
                for (int i = 0; i < SENDS; i++) {
                    CommandClient instance = i % 2 == 0 ? viaFirst : viaSecond;
                    sent.add(senders.submit((Callable<HttpResponse<String>>) () -> instance.sendWithKey(alex, path, body, key)));
                }
                for (Future<HttpResponse<String>> answer : sent) {
                    answers.add(answer.get());
                }
            } finally {
                senders.shutdown();
            }

            HttpResponse<String> done = viaSecond.sendWithKey(alex, path, body, key);
            assertThat(done.statusCode()).isEqualTo(201);
            assertThat(viaFirst.sendWithKey(alex, path, body, key).body()).isEqualTo(done.body());
            assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode() == 201
                    ? answer.body().equals(done.body())
                    : answer.statusCode() == 409 && answer.body().contains("idempotency-key-in-flight"))
                    .as(answer.statusCode() + " " + answer.body()).isTrue());
            assertThat(first.getBean(JdbcClient.class)
                    .sql("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = :couple AND payload_type = :type")
                    .param("couple", coupleId).param("type", "app.duet.api.everyday.AppreciationExpressed")
                    .query(Long.class).single()).isEqualTo(1);
        }
    }

    private static String baseUrl(ConfigurableApplicationContext context) {
        return "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
