package app.duet.command;

import app.duet.testing.PostgresTestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * On PostgreSQL an answered command is on disk because the commit waits for its WAL to be flushed:
 * the connection the event store uses never has synchronous_commit off (nothing in Duet's settings
 * may turn it off for its sessions).
 */
class CommitsOnPostgresqlTest {

    @Test
    void theEventStoresCommitsWaitForTheDisk() throws Exception {
        try (PostgresTestDatabase database = PostgresTestDatabase.freshSchemaOrSkip();
             ConfigurableApplicationContext commandSide = database.startCommandService()) {
            JdbcClient store = commandSide.getBean(JdbcClient.class);
            // fsync is the server's own setting, not Duet's: a development server may run without it.
            assumeTrue("on".equals(store.sql("SHOW fsync").query(String.class).single()), "this PostgreSQL runs with fsync off");
            // on, remote_apply, remote_write and local all wait for the local WAL flush; off does not.
            assertThat(store.sql("SHOW synchronous_commit").query(String.class).single()).isNotEqualTo("off");
        }
    }
}
