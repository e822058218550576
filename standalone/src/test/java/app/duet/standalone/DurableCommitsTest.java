package app.duet.standalone;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A power loss cannot be staged here, so this checks the configuration that survives one: the
 * standalone event store writes each commit at once and to a file the operating system must put on
 * the disk before a write returns ({@code O_DSYNC}, read back from Linux's {@code /proc}).
 */
class DurableCommitsTest {

    private static final int O_DSYNC = 010000;

    @TempDir
    static Path dataDir;

    private static ConfigurableApplicationContext product;

    @BeforeAll
    static void start() {
        product = StandaloneApplication.start("--server.port=0", "--duet.data-dir=" + dataDir);
    }

    @AfterAll
    static void stop() {
        if (product != null) {
            product.close();
        }
    }

    @Test
    void theEventStoreWritesEveryCommitAtOnceToASyncedFile() throws IOException {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/fdinfo")), "needs Linux's /proc to read open files' flags");
        JdbcClient store = product.getBean(JdbcClient.class);
        assertThat(setting(store, "WRITE_DELAY")).as("H2's delay between a commit and its write").isEqualTo("0");
        // Old chunks need not wait for the operating system to flush them: every write is synced.
        assertThat(setting(store, "RETENTION_TIME")).as("how long H2 keeps old chunks, in ms").isEqualTo("0");

        List<Integer> flags = flagsOfOpenFiles(dataDir.resolve("events.mv.db").toRealPath());
        assertThat(flags).as("the event store's file, open").isNotEmpty()
                .allSatisfy(open -> assertThat(open & O_DSYNC).as("opened with O_DSYNC").isEqualTo(O_DSYNC));
    }

    /**
     * Commits to the one file take turns, and a request holds its connection while it waits for its
     * turn. With Hikari's ten, at 1,000 couples the commands queued in their commits held them all,
     * and the projections waited up to 250 ms to read what had just been committed (and any
     * projection sharing that read with them waited as long), which was the tail of every push.
     */
    @Test
    void commandsWaitingForTheirCommitsLeaveConnectionsForTheProjections() throws SQLException {
        DataSource pool = product.getBean(DataSource.class);
        List<Connection> waitingCommands = new ArrayList<>();
        try {
            for (int command = 0; command < 12; command++) {
                waitingCommands.add(pool.getConnection());
            }
            // With none left this waits out the pool's timeout and throws.
            try (Connection projections = pool.getConnection()) {
                assertThat(projections.isValid(1)).isTrue();
            }
        } finally {
            for (Connection connection : waitingCommands) {
                connection.close();
            }
        }
    }

    private static String setting(JdbcClient store, String name) {
        return store.sql("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = :name")
                .param("name", name).query(String.class).list().get(0);
    }

    private static List<Integer> flagsOfOpenFiles(Path file) throws IOException {
        List<Integer> flags = new ArrayList<>();
        try (Stream<Path> descriptors = Files.list(Path.of("/proc/self/fd"))) {
            for (Path descriptor : (Iterable<Path>) descriptors::iterator) {
                try {
                    if (Files.readSymbolicLink(descriptor).equals(file)) {
                        String info = Files.readString(Path.of("/proc/self/fdinfo", descriptor.getFileName().toString()));
                        String octal = info.lines().filter(line -> line.startsWith("flags:")).findFirst().orElseThrow()
                                .substring("flags:".length()).trim();
                        flags.add(Integer.parseInt(octal, 8));
                    }
                } catch (IOException closedMeanwhile) {
                    // A descriptor that closed while listing is not the store's.
                }
            }
        }
        return flags;
    }
}
