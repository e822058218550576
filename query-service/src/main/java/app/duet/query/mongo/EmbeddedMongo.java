package app.duet.query.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;

/**
 * An in-process server that speaks MongoDB's wire protocol (no MongoDB binary can be installed on
 * our machines), so standalone and the local tests run the very driver and repository code that
 * real MongoDB gets. With {@code duet.mongo.embedded-file} (standalone) it keeps the views and their
 * tracking tokens in that file ({@link ViewsFile}), so a restart resumes; without it (tests) it keeps
 * them in memory, and after a restart the projections rebuild from the event store.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "duet.mongo.embedded", havingValue = "true")
class EmbeddedMongo {

    static final String FILE = "duet.mongo.embedded-file";

    @Bean
    @Conditional(ViewsOnFile.class)
    ViewsFile viewsFile(@Value("${" + FILE + "}") Path file,
                        @Value("${duet.mongo.embedded-commit-every:1s}") Duration commitEvery) {
        return ViewsFile.open(file, commitEvery);
    }

    /**
     * Shutting down closes the backend after the last request: the views file's last commit. A fixed
     * {@code duet.mongo.embedded-port} lets a second query-service share these views to try scale-out
     * without MongoDB (the bench's {@code scale}); a real deployment runs MongoDB.
     */
    @Bean(destroyMethod = "shutdownNow")
    MongoServer embeddedMongoServer(ObjectProvider<ViewsFile> file, @Value("${duet.mongo.embedded-port:0}") int port) {
        MongoBackend backend = file.getIfAvailable();
        MongoServer server = new MongoServer(backend != null ? backend : new IndexedMemoryBackend());
        server.bind("127.0.0.1", port);
        return server;
    }

    @Bean
    MongoClient mongoClient(MongoServer server) {
        InetSocketAddress address = server.getLocalAddress();
        return MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
    }

    /** Boot's own Mongo health check sends {@code hello}, which the stand-in does not know; ping it instead. */
    @Bean
    HealthIndicator mongoHealthContributor(MongoClient client) {
        return () -> {
            client.getDatabase("admin").runCommand(new Document("ping", 1));
            return Health.up().withDetail("server", "in-process MongoDB wire-protocol stand-in").build();
        };
    }

    static class ViewsOnFile implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return StringUtils.hasText(context.getEnvironment().getProperty(FILE));
        }
    }
}
