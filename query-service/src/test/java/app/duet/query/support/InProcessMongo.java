package app.duet.query.support;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.function.Consumer;

/**
 * An in-process MongoDB for one test class ({@code @RegisterExtension static}): started before its
 * first test, with a client to it (its settings adjustable, e.g. to listen to the commands sent),
 * and stopped after its last.
 */
public final class InProcessMongo implements BeforeAllCallback, AfterAllCallback {

    private final Consumer<MongoClientSettings.Builder> settings;
    private MongoServer server;
    private MongoClient client;

    public InProcessMongo() {
        this(settings -> {
        });
    }

    public InProcessMongo(Consumer<MongoClientSettings.Builder> settings) {
        this.settings = settings;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server = new MongoServer(new MemoryBackend());
        MongoClientSettings.Builder builder = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + server.bind().getPort()));
        settings.accept(builder);
        client = MongoClients.create(builder.build());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        client.close();
        server.shutdownNow();
    }

    public MongoClient client() {
        return client;
    }

    /** Where services find it, for several to share one server ({@code duet.mongo.embedded=false}). */
    public String uri(String database) {
        return "mongodb://127.0.0.1:" + server.getLocalAddress().getPort() + "/" + database;
    }
}
