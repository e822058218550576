package app.duet.query.projections;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The live views on the in-process MongoDB wire-protocol server that standalone and local runs use. */
class LiveViewsOnEmbeddedMongoTest extends LiveViewsContract {

    private static MongoServer server;
    private static MongoClient client;

    @BeforeAll
    static void startServer() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
    }

    @AfterAll
    static void stopServer() {
        client.close();
        server.shutdownNow();
    }

    @Override
    protected MongoClient mongo() {
        return client;
    }
}
