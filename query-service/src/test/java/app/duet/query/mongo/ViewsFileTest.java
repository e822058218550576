package app.duet.query.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The views file on the H2 that Spring Boot manages (the backend was built against an older one):
 * what was committed is there after a restart and after a crash, what was not is gone as a whole,
 * and a damaged file gives way to an empty one rather than stopping Duet.
 */
class ViewsFileTest {

    private static final Duration NEVER_ON_ITS_OWN = Duration.ofHours(1);

    @TempDir
    Path folder;

    @Test
    void aCleanShutdownKeepsEverything() {
        Path file = folder.resolve("views.mv");
        withServer(ViewsFile.open(file, NEVER_ON_ITS_OWN), (views, collection) ->
                collection.insertOne(new Document("_id", "couple-1").append("version", 3)));

        withServer(ViewsFile.open(file, NEVER_ON_ITS_OWN), (views, collection) ->
                assertThat(collection.find().first()).isEqualTo(new Document("_id", "couple-1").append("version", 3)));
    }

    /**
     * In memory a stored view is one array of its BSON, not a graph of small objects: views replaced
     * every few seconds were what each young collection copied. Each read is a copy of its own.
     */
    @Test
    void documentsAreKeptAsTheirBytesAndReadAsCopies() {
        ViewsFile file = ViewsFile.open(folder.resolve("views.mv"), NEVER_ON_ITS_OWN);
        withServer(file, (views, collection) -> {
            collection.insertOne(new Document("_id", "couple-1").append("bids", List.of("one", "two")));
            collection.replaceOne(new Document("_id", "couple-1"), new Document("_id", "couple-1").append("bids", List.of("three")));

            Object kept = views.getMvStore().openMap("databases.duet.couples").get("couple-1");
            assertThat(kept).isInstanceOf(byte[].class);
            assertThat(collection.find().first()).isEqualTo(new Document("_id", "couple-1").append("bids", List.of("three")));
        });
    }

    @Test
    void afterACrashTheFileOpensAtItsLastCommit() throws IOException {
        Path file = folder.resolve("views.mv");
        Path crashed = folder.resolve("crashed.mv");
        withServer(ViewsFile.open(file, NEVER_ON_ITS_OWN), (views, collection) -> {
            collection.insertOne(new Document("_id", "committed"));
            views.commit();
            collection.insertOne(new Document("_id", "not yet committed"));
            // What a SIGKILL leaves on disk: nothing is written between commits.
            copy(file, crashed);
        });

        withServer(ViewsFile.open(crashed, NEVER_ON_ITS_OWN), (views, collection) ->
                assertThat(ids(collection)).containsExactly("committed"));
    }

    /**
     * However much is written between two commits, nothing is committed behind the timer's back: a
     * commit from inside one request's write, while others write, could keep a later token without
     * the document written before it.
     */
    @Test
    void muchWrittenBetweenCommitsIsStillNotCommitted() throws IOException {
        Path file = folder.resolve("views.mv");
        Path crashed = folder.resolve("crashed.mv");
        String words = "x".repeat(2_000);
        withServer(ViewsFile.open(file, NEVER_ON_ITS_OWN), (views, collection) -> {
            collection.insertOne(new Document("_id", "committed"));
            views.commit();
            // Many small documents: MVStore reckons their pages at several times their size, and with
            // its buffer left on it commits on its own about every 700 of them.
            for (int batch = 0; batch < 10; batch++) {
                List<Document> documents = new ArrayList<>();
                for (int i = 0; i < 1_000; i++) {
                    documents.add(new Document("_id", "unsaved " + batch + "-" + i).append("words", words));
                }
                collection.insertMany(documents);
            }
            copy(file, crashed);
        });

        withServer(ViewsFile.open(crashed, NEVER_ON_ITS_OWN), (views, collection) ->
                assertThat(ids(collection)).containsExactly("committed"));
    }

    @Test
    void theTimerCommitsWithoutBeingAsked() throws IOException {
        Path file = folder.resolve("views.mv");
        Path crashed = folder.resolve("crashed.mv");
        withServer(ViewsFile.open(file, Duration.ofMillis(50)), (views, collection) -> {
            collection.insertOne(new Document("_id", "committed by the timer"));
            long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            do {
                copy(file, crashed);
            } while (!opensWith(crashed, "committed by the timer") && System.nanoTime() < until);
        });
        assertThat(opensWith(crashed, "committed by the timer")).isTrue();
    }

    @Test
    void aDamagedFileIsMovedAsideAndTheViewsStartOver() throws IOException {
        Path file = folder.resolve("views.mv");
        Files.write(file, new byte[8192]);

        withServer(ViewsFile.open(file, NEVER_ON_ITS_OWN), (views, collection) ->
                assertThat(collection.countDocuments()).isZero());
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(path -> path.getFileName().toString())).anyMatch(name -> name.startsWith("views.mv.unreadable-"));
        }
    }

    /**
     * Documents were kept with H2's own value type (Java serialization), and unique indexes in the
     * file, before: such a file still reads, every kind of value intact, the same once rewritten, and
     * its ids are still unique.
     */
    @Test
    void aFileWrittenBeforeDocumentsWereBsonStillReads() {
        Path file = folder.resolve("views.mv");
        Document couple = new Document("_id", "couple-1").append("version", 3L).append("ratio", 0.5).append("open", true)
                .append("since", new java.util.Date(1_765_000_000_000L)).append("nothing", null)
                .append("partners", List.of(new Document("id", "partner-1").append("name", "Alex"), "partner-2"));
        withBackend(new H2Backend(new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open()),
                collection -> collection.insertOne(couple));

        withServer(ViewsFile.open(file, NEVER_ON_ITS_OWN), (views, collection) -> {
            assertThat(collection.find().first()).isEqualTo(couple);
            collection.replaceOne(new Document("_id", "couple-1"), couple.append("version", 4L));
        });
        withServer(ViewsFile.open(file, NEVER_ON_ITS_OWN), (views, collection) -> {
            assertThat(collection.find(new Document("_id", "couple-1")).first()).isEqualTo(couple);
            // The unique index, in memory since, is filled from the file's documents when it opens.
            assertThatThrownBy(() -> collection.insertOne(new Document("_id", "couple-1")))
                    .isInstanceOf(com.mongodb.MongoWriteException.class).hasMessageContaining("duplicate key");
        });
        MVStore reopened = new MVStore.Builder().fileName(file.toString()).readOnly().open();
        try {
            assertThat(reopened.getMapNames()).as("indexes the earlier build kept in the file").noneMatch(name -> name.contains("._index_"));
        } finally {
            reopened.close();
        }
    }

    /** BSON, not Java serialization's class descriptors with every document: the same views take about half the room. */
    @Test
    void theSameViewsTakeLessRoomThanBefore() throws IOException {
        Path before = folder.resolve("before.mv");
        Path now = folder.resolve("now.mv");
        List<Document> views = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            views.add(new Document("_id", "session-" + i).append("version", (long) i).append("phase", "DE_ESCALATING")
                    .append("partners", List.of(new Document("id", "partner-a-" + i).append("present", true),
                            new Document("id", "partner-b-" + i).append("present", false))));
        }
        withBackend(new H2Backend(new MVStore.Builder().fileName(before.toString()).autoCommitDisabled().open()),
                collection -> collection.insertMany(views));
        withServer(ViewsFile.open(now, NEVER_ON_ITS_OWN), (file, collection) -> collection.insertMany(views));

        assertThat(Files.size(now)).isLessThan(Files.size(before) * 2 / 3);
    }

    private static boolean opensWith(Path file, String id) {
        List<String> found = new ArrayList<>();
        withServer(ViewsFile.open(file, NEVER_ON_ITS_OWN), (views, collection) -> found.addAll(ids(collection)));
        return found.contains(id);
    }

    private interface Use {
        void with(ViewsFile views, MongoCollection<Document> collection) throws IOException;
    }

    private static void withServer(ViewsFile views, Use use) {
        MongoServer server = new MongoServer(views);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort())) {
            use.with(views, client.getDatabase("duet").getCollection("couples"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            server.shutdownNow();
        }
    }

    /** A server on any backend, such as the stand-in's own H2 backend as it was used before. */
    private static void withBackend(MongoBackend backend, Consumer<MongoCollection<Document>> use) {
        MongoServer server = new MongoServer(backend);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort())) {
            use.accept(client.getDatabase("duet").getCollection("couples"));
        } finally {
            server.shutdownNow();
        }
    }

    private static List<String> ids(MongoCollection<Document> collection) {
        List<String> ids = new ArrayList<>();
        collection.find().forEach((Consumer<Document>) document -> ids.add(document.getString("_id")));
        return ids;
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.copy(from, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
