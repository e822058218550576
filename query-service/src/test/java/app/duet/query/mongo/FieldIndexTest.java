package app.duet.query.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.AbstractMongoBackend;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stand-in answers a query on an indexed field from that index, with the same answers a whole
 * read would give, in memory and in the views file, across updates, deletes, arrays and a reopening.
 */
class FieldIndexTest {

    @TempDir
    Path folder;

    @Test
    void anIndexedFieldIsAnsweredFromItsIndexInMemory() {
        withCollection(new IndexedMemoryBackend(), (backend, views) -> {
            views.createIndex(Indexes.ascending("coupleId"));
            assertThat(indexesThatAnswer(backend, new de.bwaldvogel.mongo.bson.Document("coupleId", "couple-1")))
                    .as("indexes able to answer {coupleId: …}").isNotEmpty();
        });
    }

    @Test
    void answersAreThoseOfAWholeRead() {
        withCollection(new IndexedMemoryBackend(), (backend, views) -> everyKindOfChange(views));
    }

    @Test
    void theViewsFileAnswersFromItsIndexAcrossAReopening() {
        Path file = folder.resolve("views.mv");
        withCollection(ViewsFile.open(file, Duration.ofHours(1)), (backend, views) -> {
            everyKindOfChange(views);
            ((ViewsFile) backend).commit();
        });
        withCollection(ViewsFile.open(file, Duration.ofHours(1)), (backend, views) -> {
            assertThat(indexesThatAnswer(backend, new de.bwaldvogel.mongo.bson.Document("coupleId", "couple-2")))
                    .as("the index, opened again from the file").isNotEmpty();
            assertThat(ids(views, Filters.eq("coupleId", "couple-2"))).containsExactlyInAnyOrder("s-2", "s-4", "s-6", "s-8");
            assertThat(ids(views, Filters.eq("partnerIds", "p-8"))).containsExactly("s-8");
        });
    }

    /**
     * Neither stand-in keeps collStats' {@code size}: it would encode each document it stores, twice per
     * replace, for a figure nothing reads. Their documents and answers are what they were.
     */
    @Test
    void neitherStandInMeasuresTheDocumentsItStores() {
        for (MongoBackend backend : List.of(new IndexedMemoryBackend(), ViewsFile.open(folder.resolve("sizes.mv"), Duration.ofHours(1)))) {
            MongoServer server = new MongoServer(backend);
            server.bind("127.0.0.1", 0);
            try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
                var database = client.getDatabase("duet");
                MongoCollection<Document> views = database.getCollection("views");
                views.insertOne(new Document("_id", "s-1").append("words", "x".repeat(500)));
                views.replaceOne(Filters.eq("_id", "s-1"), new Document("_id", "s-1").append("words", "y".repeat(900)));

                Document stats = database.runCommand(new Document("collStats", "views"));
                assertThat(stats.getInteger("count")).as(backend.getClass().getSimpleName()).isEqualTo(1);
                assertThat(stats.getInteger("size")).as(backend.getClass().getSimpleName()).isZero();
                assertThat(views.find().first()).isEqualTo(new Document("_id", "s-1").append("words", "y".repeat(900)));
            } finally {
                server.shutdownNow();
            }
        }
    }

    private static void everyKindOfChange(MongoCollection<Document> views) {
        views.createIndex(Indexes.ascending("coupleId"));
        views.createIndex(Indexes.ascending("partnerIds"));
        views.createIndex(Indexes.ascending("steps.name"));
        IntStream.rangeClosed(1, 9).forEach(i -> views.insertOne(new Document("_id", "s-" + i)
                .append("coupleId", "couple-" + (i % 2 == 0 ? 2 : 1))
                .append("partnerIds", List.of("p-" + i, "p-shared"))
                .append("steps", List.of(new Document("name", "step-" + i)))
                .append("n", i)));

        assertThat(ids(views, Filters.eq("coupleId", "couple-2"))).containsExactlyInAnyOrder("s-2", "s-4", "s-6", "s-8");
        assertThat(ids(views, Filters.and(Filters.eq("coupleId", "couple-2"), Filters.gt("n", 4))))
                .containsExactlyInAnyOrder("s-6", "s-8");
        assertThat(ids(views, Filters.eq("partnerIds", "p-3"))).containsExactly("s-3");
        assertThat(ids(views, Filters.eq("partnerIds", "p-shared"))).hasSize(9);
        assertThat(ids(views, Filters.eq("steps.name", "step-5"))).containsExactly("s-5");
        assertThat(ids(views, Filters.eq("coupleId", "couple-nobody"))).isEmpty();

        views.updateOne(Filters.eq("_id", "s-1"), Updates.set("coupleId", "couple-2"));
        views.replaceOne(Filters.eq("_id", "s-3"), new Document("_id", "s-3").append("coupleId", "couple-3"));
        views.deleteOne(Filters.eq("_id", "s-5"));
        views.updateOne(Filters.eq("_id", "s-1"), Updates.set("coupleId", "couple-1"));

        assertThat(ids(views, Filters.eq("coupleId", "couple-1"))).containsExactlyInAnyOrder("s-1", "s-7", "s-9");
        assertThat(ids(views, Filters.eq("coupleId", "couple-3"))).containsExactly("s-3");
        assertThat(ids(views, Filters.eq("partnerIds", "p-3"))).as("a replaced document's old values").isEmpty();
        assertThat(ids(views, Filters.eq("steps.name", "step-5"))).as("a deleted document").isEmpty();
        assertThat(ids(views, Filters.in("coupleId", "couple-1", "couple-3"))).as("an operator reads the collection")
                .containsExactlyInAnyOrder("s-1", "s-3", "s-7", "s-9");
    }

    private static List<?> indexesThatAnswer(MongoBackend backend, de.bwaldvogel.mongo.bson.Document query) {
        return ((AbstractMongoBackend) backend).resolveDatabase("duet").resolveCollection("views", true).getIndexes()
                .stream().filter(index -> !index.getName().equals("_id_")).filter(index -> index.canHandle(query)).toList();
    }

    private static List<String> ids(MongoCollection<Document> views, org.bson.conversions.Bson filter) {
        return views.find(filter).map(document -> document.getString("_id")).into(new java.util.ArrayList<>());
    }

    private static void withCollection(MongoBackend backend,
                                       java.util.function.BiConsumer<MongoBackend, MongoCollection<Document>> use) {
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            use.accept(backend, client.getDatabase("duet").getCollection("views"));
        } finally {
            server.shutdownNow();
        }
    }
}
