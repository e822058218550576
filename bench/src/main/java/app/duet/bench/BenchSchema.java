package app.duet.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/**
 * A schema of its own on the shared PostgreSQL for one bench run, dropped after: the role may not
 * create databases, and other work uses the same server.
 */
final class BenchSchema implements AutoCloseable {

    static final String BASE_URL = System.getenv().getOrDefault("DUET_BENCH_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/duet");
    static final String USER = System.getenv().getOrDefault("DUET_BENCH_POSTGRES_USER", "duet");
    static final String PASSWORD = System.getenv().getOrDefault("DUET_BENCH_POSTGRES_PASSWORD", "duet");

    private final String name;

    BenchSchema(String purpose) throws SQLException {
        this.name = "bench_" + purpose + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        try (Connection connection = connect()) {
            connection.createStatement().execute("CREATE SCHEMA " + name);
        }
    }

    String name() {
        return name;
    }

    String url() {
        return BASE_URL + (BASE_URL.contains("?") ? "&" : "?") + "currentSchema=" + name;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(name == null ? BASE_URL : url(), USER, PASSWORD);
    }

    @Override
    public void close() {
        try (Connection connection = DriverManager.getConnection(BASE_URL, USER, PASSWORD)) {
            connection.createStatement().execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
        } catch (SQLException failed) {
            System.err.println("Could not drop schema " + name + ": " + failed.getMessage());
        }
    }
}
