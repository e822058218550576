package app.duet.query.projections;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.mongodb.MongoDBContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The same live-view contract on real MongoDB, wherever Docker can start one; skipped elsewhere. */
@Testcontainers(disabledWithoutDocker = true)
class LiveViewsOnRealMongoTest extends LiveViewsContract {

    @Container
    private static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0.13");

    private static MongoClient client;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(MONGO.getConnectionString());
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @Override
    protected MongoClient mongo() {
        return client;
    }
}
