package app.duet.command.limits;

import app.duet.testing.CommandClient;
import app.duet.testing.PostgresTestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two command-service instances on one PostgreSQL share each account's budget: with a burst of 5
 * and 1 a second, an account that sends to both in turn gets about 5 through, not 5 from each. The
 * bucket is a row of rate_limit_bucket, stamped to expire when it would be full again.
 */
class CommandLimitOnPostgresTest {

    @Test
    void twoInstancesAllowOneAccountWhatOneAllows() throws Exception {
        String[] tight = {"duet.access.command-burst=5", "duet.access.commands-per-second=1"};
        try (PostgresTestDatabase database = PostgresTestDatabase.freshSchemaOrSkip();
             ConfigurableApplicationContext first = database.startCommandService(tight);
             ConfigurableApplicationContext second = database.startCommandService(tight)) {
            CommandClient[] instances = {new CommandClient(base(first)), new CommandClient(base(second))};
            int allowed = 0;
            int[] refusedBy = new int[2];
            for (int command = 0; command < 20; command++) {
                HttpResponse<String> answer = instances[command % 2].send("busy-partner", "/api/commands/couples", "{}");
                if (answer.statusCode() == 429) {
                    refusedBy[command % 2]++;
                    assertThat(answer.headers().firstValue("Retry-After")).isPresent();
                    assertThat(answer.body()).contains("too-many-commands");
                } else {
                    allowed++;
                }
            }

            // Each instance on its own would let 5 through at once, 10 in all, and more as they refill.
            assertThat(allowed).as("commands let through by both instances together").isBetween(5, 9);
            assertThat(refusedBy[0]).as("refused by the first").isPositive();
            assertThat(refusedBy[1]).as("refused by the second").isPositive();
            assertThat(first.getBean(JdbcClient.class).sql("SELECT count(*) FROM rate_limit_bucket WHERE expires_at > 0")
                    .query(Long.class).single()).isEqualTo(1);
            // Another account has a bucket of its own.
            assertThat(instances[0].send("other-partner", "/api/commands/couples", "{}").statusCode()).isNotEqualTo(429);
        }
    }

    private static String base(ConfigurableApplicationContext context) {
        return "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
