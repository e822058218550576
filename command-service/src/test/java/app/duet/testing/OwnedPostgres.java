package app.duet.testing;

import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of the test's own, so a test may stop and start it without touching the
 * machine's shared one: a fresh cluster (initdb) in a temporary folder, on a free loopback port,
 * with a role and database {@code duet}. As root, PostgreSQL's tools run as the {@code postgres}
 * user. Closing it stops the server at once and deletes the folder; so does the JVM's exit.
 * Without PostgreSQL's server binaries the test is skipped and says why.
 */
public final class OwnedPostgres implements AutoCloseable {

    private static final String USER = "duet";

    private final Path bin;
    private final Path folder;
    private final int port;
    private final Thread stopOnExit = new Thread(this::stopQuietly, "owned-postgres-stop");

    private OwnedPostgres(Path bin, Path folder, int port) {
        this.bin = bin;
        this.folder = folder;
        this.port = port;
    }

    public static OwnedPostgres startOrSkip() {
        Path bin = serverBinaries();
        Assumptions.assumeTrue(bin != null, "No PostgreSQL server binaries (initdb, pg_ctl) under /usr/lib/postgresql/*/bin"
                + " or DUET_TEST_POSTGRES_BIN: this test runs a PostgreSQL of its own and is skipped.");
        try {
            // As root the folder must be one the postgres user can reach: not under /root.
            Path folder = asRoot() ? Files.createTempDirectory(Path.of("/tmp"), "duet-owned-postgres")
                    : Files.createTempDirectory("duet-owned-postgres");
            OwnedPostgres server = new OwnedPostgres(bin, folder, freePort());
            Runtime.getRuntime().addShutdownHook(server.stopOnExit);
            server.initialise();
            server.start();
            try (Connection connection = DriverManager.getConnection(server.url("postgres"), USER, USER)) {
                connection.createStatement().execute("CREATE DATABASE duet");
            }
            return server;
        } catch (IOException | SQLException failed) {
            throw new IllegalStateException("Could not start a PostgreSQL of the test's own", failed);
        }
    }

    public String url() {
        return url("duet");
    }

    /** Spring properties that put a service's data source on this server. */
    public List<String> springProperties() {
        return List.of("spring.datasource.url=" + url(), "spring.datasource.username=" + USER,
                "spring.datasource.password=" + USER);
    }

    /** Starts the server and waits until it accepts connections. */
    public void start() {
        run(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-l", folder.resolve("server.log").toString(),
                "-w", "-t", "30", "-o", "-p " + port + " -c listen_addresses=127.0.0.1 -k " + folder, "start");
    }

    /** Stops the server as an operator would ({@code fast}: sessions are ended, open transactions rolled back). */
    public void stop() {
        run(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-w", "-t", "30", "-m", "fast", "stop");
    }

    @Override
    public void close() {
        stopQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException exiting) {
            // the JVM is already shutting down and runs the hook itself
        }
    }

    private void initialise() throws IOException {
        if (asRoot()) {
            run("chown", "postgres", folder.toString());
        }
        run(bin.resolve("initdb").toString(), "-D", data().toString(), "-U", USER, "--auth=trust", "-E", "UTF8",
                "--no-sync");
    }

    private void stopQuietly() {
        if (!Files.exists(folder)) {
            return;
        }
        if (Files.exists(data().resolve("postmaster.pid"))) {
            try {
                run(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-w", "-t", "30", "-m", "immediate", "stop");
            } catch (IllegalStateException alreadyStopped) {
                // nothing to stop
            }
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException | UncheckedIOException leftBehind) {
            // a temporary folder; the system cleans it eventually
        }
    }

    private Path data() {
        return folder.resolve("data");
    }

    private String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Runs one of PostgreSQL's tools (as the postgres user when this JVM is root) and fails if it does. */
    private void run(String... command) {
        List<String> line = new ArrayList<>();
        if (asRoot() && !command[0].equals("chown")) {
            line.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        line.addAll(List.of(command));
        try {
            Process process = new ProcessBuilder(line).redirectErrorStream(true)
                    .redirectOutput(folder.resolve("tools.log").toFile()).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", line) + " did not finish within a minute");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", line) + " failed: "
                        + Files.readString(folder.resolve("tools.log")));
            }
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + String.join(" ", line), interrupted);
        }
    }

    private static boolean asRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static Path serverBinaries() {
        String configured = System.getenv("DUET_TEST_POSTGRES_BIN");
        if (configured != null && !configured.isBlank()) {
            return Files.isExecutable(Path.of(configured, "pg_ctl")) ? Path.of(configured) : null;
        }
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl")))
                    .max(Comparator.comparing(bin -> Integer.parseInt(bin.getParent().getFileName().toString().replaceAll("\\D", "0"))))
                    .orElse(null);
        } catch (IOException | UncheckedIOException absent) {
            return null;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
