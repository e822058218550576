package app.duet.command;

import app.duet.testing.PostgresTestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On PostgreSQL an answered command is on disk because the commit waits for its WAL to be flushed:
 * the connection the event store uses keeps synchronous_commit and fsync on (nothing in Duet's
 * settings may turn them off for its sessions).
 */
class CommitsOnPostgresqlTest {

    @Test
    void theEventStoresCommitsWaitForTheDisk() throws Exception {
        try (PostgresTestDatabase database = PostgresTestDatabase.freshSchemaOrSkip();
             ConfigurableApplicationContext commandSide = database.startCommandService()) {
            JdbcClient store = commandSide.getBean(JdbcClient.class);
            assertThat(store.sql("SHOW synchronous_commit").query(String.class).single()).isEqualTo("on");
            assertThat(store.sql("SHOW fsync").query(String.class).single()).isEqualTo("on");
        }
    }
}
