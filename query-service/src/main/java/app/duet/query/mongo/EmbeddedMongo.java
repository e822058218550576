package app.duet.query.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.net.InetSocketAddress;

/**
 * An in-process server that speaks MongoDB's wire protocol (no MongoDB binary can be installed on
 * our machines), so standalone and the local tests run the very driver and repository code that
 * real MongoDB gets. It keeps nothing on disk: after a restart the projections rebuild from the
 * event store, because their tracking tokens live beside them and are gone too.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "duet.mongo.embedded", havingValue = "true")
class EmbeddedMongo {

    @Bean(destroyMethod = "shutdownNow")
    MongoServer embeddedMongoServer() {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
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
}
