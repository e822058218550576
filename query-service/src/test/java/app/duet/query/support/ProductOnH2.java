package app.duet.query.support;

import app.duet.command.CommandServiceApplication;
import app.duet.identity.IdentityApplication;
import app.duet.query.QueryServiceApplication;
import app.duet.testing.CommandClient;
import app.duet.testing.TestTokens;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The issuer, command-service and query-service as three separate Spring applications on one
 * in-memory H2 event store and an in-process MongoDB: the whole distributed product in one test
 * JVM, needing nothing installed. The services trust {@link TestTokens#trusted()}.
 */
public final class ProductOnH2 implements AutoCloseable {

    public final ConfigurableApplicationContext identity;
    public final ConfigurableApplicationContext commandSide;
    public final ConfigurableApplicationContext querySide;
    public final CommandClient commands;
    public final CommandClient queries;
    public final String ws;
    private final String events;

    private ProductOnH2(String events, ConfigurableApplicationContext identity, ConfigurableApplicationContext commandSide,
                        ConfigurableApplicationContext querySide) {
        this.events = events;
        this.identity = identity;
        this.commandSide = commandSide;
        this.querySide = querySide;
        this.commands = new CommandClient(baseUrl(commandSide), TestTokens.trusted()::partner);
        this.queries = new CommandClient(baseUrl(querySide), TestTokens.trusted()::partner);
        this.ws = baseUrl(querySide).replace("http", "ws") + "/ws";
    }

    /** @param commandSettings extra settings for command-service, such as tighter rate limits */
    public static ProductOnH2 start(String... commandSettings) {
        return start(List.of(commandSettings), List.of());
    }

    /** With extra settings for each side, such as the cycle state's thresholds for the query side. */
    public static ProductOnH2 start(List<String> commandSettings, List<String> querySettings) {
        String events = "jdbc:h2:mem:events-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
        ConfigurableApplicationContext identity = run(IdentityApplication.class, IdentityApplication.CONFIG_NAME,
                "spring.datasource.url=jdbc:h2:mem:identity-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL",
                "spring.flyway.enabled=false");
        List<String> command = new ArrayList<>(List.of("spring.datasource.url=" + events,
                "spring.autoconfigure.exclude=org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration,"
                        + "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration,"
                        + "org.springframework.boot.data.mongodb.autoconfigure.DataMongoRepositoriesAutoConfiguration"));
        command.addAll(commandSettings);
        if (commandSettings.stream().noneMatch(setting -> setting.startsWith(REVEAL_COUNTDOWN))) {
            command.add(REVEAL_COUNTDOWN + "500ms"); // a reveal's countdown as short as a test can follow
        }
        ConfigurableApplicationContext commandSide = run(CommandServiceApplication.class,
                CommandServiceApplication.CONFIG_NAME, command.toArray(String[]::new));
        List<String> query = new ArrayList<>(List.of(EMBEDDED_MONGO));
        query.addAll(querySettings);
        return new ProductOnH2(events, identity, commandSide, querySideOn(events, query.toArray(String[]::new)));
    }

    private static final String EMBEDDED_MONGO = "duet.mongo.embedded=true";
    private static final String REVEAL_COUNTDOWN = "duet.session.reveal-countdown=";

    /**
     * One more query side on the same events, with a MongoDB of its own that starts empty, as a
     * query-service instance does whose database was lost: it builds every view from the first event.
     * The caller closes it.
     */
    public ConfigurableApplicationContext anotherQuerySide() {
        return querySideOn(events, EMBEDDED_MONGO);
    }

    /** One more query side on the same events, its views in the MongoDB at this address. The caller closes it. */
    public ConfigurableApplicationContext anotherQuerySideOnMongo(String mongoUri) {
        return querySideOn(events, "spring.mongodb.uri=" + mongoUri);
    }

    private static ConfigurableApplicationContext querySideOn(String events, String... settings) {
        // H2 cannot notify another application of new events: the query side polls every 50 ms instead.
        List<String> all = new ArrayList<>(List.of("spring.datasource.url=" + events, "spring.flyway.enabled=false",
                "duet.projections.fallback-poll=50ms"));
        all.addAll(List.of(settings));
        return run(QueryServiceApplication.class, QueryServiceApplication.CONFIG_NAME, all.toArray(String[]::new));
    }

    /** A therapist's access token from the trusted test issuer. */
    public static String therapistToken(String therapistId) {
        return TestTokens.trusted().token(therapistId, app.duet.api.access.Role.THERAPIST, java.time.Duration.ofMinutes(10));
    }

    /**
     * Waits until the step's answers are revealed: both partners marked them ready, and the countdown
     * that started then has ended. Asked as this partner.
     */
    public void awaitRevealed(String partnerId, String sessionId, String step) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> {
            for (tools.jackson.databind.JsonNode node : queries.get(partnerId, "/api/queries/sessions/" + sessionId).path("steps")) {
                if (node.path("key").asString().equals(step)) {
                    return node.hasNonNull("revealedAt");
                }
            }
            return false;
        });
    }

    public long storedEvents() {
        return commandSide.getBean(JdbcClient.class).sql("SELECT COUNT(*) FROM domain_event_entry").query(Long.class).single();
    }

    /** Every stored event payload as text, exactly as it sits in the store. */
    public List<String> storedPayloads() {
        return commandSide.getBean(JdbcClient.class).sql("SELECT payload FROM domain_event_entry ORDER BY global_index")
                .query((row, n) -> new String(row.getBytes(1), java.nio.charset.StandardCharsets.UTF_8)).list();
    }

    public static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public static String baseUrl(ConfigurableApplicationContext context) {
        return "http://127.0.0.1:" + port(context);
    }

    @Override
    public void close() {
        // Keeps the store this test wrote, when asked, as a fixture a later build must still read.
        String test = StackWalker.getInstance().walk(frames -> frames.map(StackWalker.StackFrame::getClassName)
                .filter(name -> name.endsWith("Test")).findFirst().orElse("product"));
        app.duet.testing.StoredEventsFixture.writeIfAsked(commandSide, test.substring(test.lastIndexOf('.') + 1));
        Stream.of(querySide, commandSide, identity).forEach(ConfigurableApplicationContext::close);
    }

    private static ConfigurableApplicationContext run(Class<?> application, String configName, String... more) {
        String[] arguments = Stream.of(List.of("spring.config.name=" + configName, "server.port=0",
                                "spring.datasource.username=sa", "spring.datasource.password="),
                        TestTokens.trusted().springProperties(), List.of(more))
                .flatMap(List::stream).map(property -> "--" + property).toArray(String[]::new);
        return new SpringApplicationBuilder(application).run(arguments);
    }
}
