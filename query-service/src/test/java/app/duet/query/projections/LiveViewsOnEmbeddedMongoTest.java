package app.duet.query.projections;

import app.duet.query.support.InProcessMongo;
import com.mongodb.client.MongoClient;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The live views on the in-process MongoDB wire-protocol server that standalone and local runs use. */
class LiveViewsOnEmbeddedMongoTest extends LiveViewsContract {

    @RegisterExtension
    static final InProcessMongo inProcess = new InProcessMongo();

    @Override
    protected MongoClient mongo() {
        return inProcess.client();
    }
}
