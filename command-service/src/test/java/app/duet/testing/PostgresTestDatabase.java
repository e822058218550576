package app.duet.testing;

import app.duet.command.CommandServiceApplication;
import org.junit.jupiter.api.Assumptions;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A schema of its own on the local PostgreSQL for one test, so tests never see each other's events.
 * When no PostgreSQL answers, the test is skipped with a message saying how to get one.
 */
public final class PostgresTestDatabase implements AutoCloseable {

    private static final String URL = setting("DUET_TEST_POSTGRES_URL", "jdbc:postgresql://localhost:5432/duet");
    private static final String USER = setting("DUET_TEST_POSTGRES_USER", "duet");
    private static final String PASSWORD = setting("DUET_TEST_POSTGRES_PASSWORD", "duet");

    private final String schema;

    private PostgresTestDatabase(String schema) {
        this.schema = schema;
    }

    public static PostgresTestDatabase freshSchemaOrSkip() {
        String schema = "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD)) {
            connection.createStatement().execute("CREATE SCHEMA " + schema);
        } catch (SQLException unreachable) {
            Assumptions.abort("No PostgreSQL at " + URL + " as " + USER + " (" + unreachable.getMessage()
                    + "). Run `bash .ci/run`, or set DUET_TEST_POSTGRES_URL/_USER/_PASSWORD.");
        }
        return new PostgresTestDatabase(schema);
    }

    public String url() {
        return URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** Spring properties that point a service's event store at this schema. */
    public List<String> springProperties() {
        return List.of("spring.datasource.url=" + url(), "spring.datasource.username=" + USER,
                "spring.datasource.password=" + PASSWORD);
    }

    /** command-service on this schema, on a free port, trusting the test issuer. */
    public ConfigurableApplicationContext startCommandService() {
        return startCommandService(new String[0]);
    }

    /** The same, with these properties ({@code name=value}) besides. */
    public ConfigurableApplicationContext startCommandService(String... properties) {
        String[] arguments = Stream.of(springProperties(), TestTokens.trusted().springProperties(),
                        List.of("spring.config.name=" + CommandServiceApplication.CONFIG_NAME, "server.port=0"), List.of(properties))
                .flatMap(List::stream)
                .map(property -> "--" + property).toArray(String[]::new);
        return new SpringApplicationBuilder(CommandServiceApplication.class).run(arguments);
    }

    @Override
    public void close() throws SQLException {
        try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD)) {
            connection.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    private static String setting(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
