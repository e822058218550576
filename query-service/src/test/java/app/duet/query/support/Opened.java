package app.duet.query.support;

import app.duet.command.CommandServiceApplication;
import app.duet.testing.PostgresTestDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import app.duet.testing.TestTokens;

/**
 * What a test started (services, clients, servers), closed in reverse order when it ends, every one
 * of them even when closing another fails; and the arguments that start a service on a database.
 */
public final class Opened implements AutoCloseable {

    private final List<AutoCloseable> resources = new ArrayList<>();

    public <T extends AutoCloseable> T open(T resource) {
        resources.add(resource);
        return resource;
    }

    /** Something closed by the test itself (a service it stops on purpose). */
    public void forget(AutoCloseable resource) {
        resources.remove(resource);
    }

    @Override
    public void close() throws Exception {
        List<AutoCloseable> newestFirst = new ArrayList<>(resources);
        Collections.reverse(newestFirst);
        resources.clear();
        Exception first = null;
        for (AutoCloseable resource : newestFirst) {
            try {
                resource.close();
            } catch (Exception failed) {
                first = first == null ? failed : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** command-service as a Spring application of its own on this PostgreSQL database (it keeps nothing in MongoDB). */
    public static ConfigurableApplicationContext commandServiceOn(PostgresTestDatabase database) {
        return new SpringApplicationBuilder(CommandServiceApplication.class)
                .run(serviceArguments(database.springProperties(), "spring.config.name=command-service",
                        "spring.autoconfigure.exclude=org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration,"
                                + "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration,"
                                + "org.springframework.boot.data.mongodb.autoconfigure.DataMongoRepositoriesAutoConfiguration"));
    }

    /** A service's command-line arguments (which outrank its own yml files) on this database, trusting the test issuer. */
    public static String[] serviceArguments(List<String> databaseProperties, String... more) {
        return Stream.of(databaseProperties, TestTokens.trusted().springProperties(), List.of(more), List.of("server.port=0"))
                .flatMap(List::stream).map(property -> "--" + property).toArray(String[]::new);
    }
}
