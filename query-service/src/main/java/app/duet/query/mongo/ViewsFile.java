package app.duet.query.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Standalone's views and their tracking tokens in one MVStore file (the stand-in's H2 backend), so a
 * restart resumes where the processors stopped instead of replaying every event.
 * <p>
 * The file is committed on a timer of ours, not MVStore's own: a commit takes the maps one after
 * another, so a request served during it could be kept in part, or a token kept while the documents
 * written just before it are not. Requests wait while a commit runs ({@link #whileNotCommitting}), so
 * every commit holds whole writes, and a kept token's documents are always kept too; documents ahead
 * of their token are applied again at start, which changes nothing (each remembers the last event
 * it applied). After a SIGKILL the file opens at its
 * last commit; a file that cannot be opened at all is moved aside and the views rebuild from events.
 */
final class ViewsFile extends H2Backend {

    private static final Logger log = LoggerFactory.getLogger(ViewsFile.class);
    private static final Set<Integer> UNREADABLE = Set.of(DataUtils.ERROR_FILE_CORRUPT,
            DataUtils.ERROR_UNSUPPORTED_FORMAT, DataUtils.ERROR_READING_FAILED, DataUtils.ERROR_CHUNK_NOT_FOUND);

    private static final int COMPACT_EVERY_COMMITS = 60;
    private static final int COMPACT_BELOW_FILL_RATE = 60;
    private static final int COMPACT_BYTES = 16 * 1024 * 1024;

    private final MVStore store;
    private final ReadWriteLock commits = new ReentrantReadWriteLock();
    private final ScheduledExecutorService committer;
    private final AtomicBoolean closed = new AtomicBoolean();
    private int commitsSinceCompaction;

    private ViewsFile(MVStore store, Duration commitEvery) {
        super(store);
        this.store = store;
        forgetStoredIndexes(store);
        this.committer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "views-file-commit");
            thread.setDaemon(true);
            return thread;
        });
        long millis = commitEvery.toMillis();
        committer.scheduleWithFixedDelay(this::commitQuietly, millis, millis, TimeUnit.MILLISECONDS);
    }

    static ViewsFile open(Path file, Duration commitEvery) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try {
                return new ViewsFile(openStore(file), commitEvery);
            } catch (MVStoreException unreadable) {
                // Only a damaged file, never a locked one (another Duet on the same folder). The views
                // are derived from the events, so starting over loses nothing.
                if (!UNREADABLE.contains(unreadable.getErrorCode())) {
                    throw unreadable;
                }
                Path aside = file.resolveSibling(file.getFileName() + ".unreadable-" + Instant.now().toEpochMilli());
                log.warn("Cannot open the views file {} ({}); moved it to {}, the views rebuild from the events",
                        file, unreadable.getMessage(), aside);
                Files.move(file, aside);
                return new ViewsFile(openStore(file), commitEvery);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * No auto-commit of either kind: only {@link #commit} writes. MVStore also commits on its own from
     * inside a write once the unsaved changes pass its buffer size (autoCommitDisabled leaves that on);
     * such a commit runs while other requests write, takes the maps one after another, and can keep a
     * token written after a document it does not keep: that document's event is then never applied.
     */
    private static MVStore openStore(Path file) {
        return new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().autoCommitBufferSize(0).open();
    }

    /**
     * Every index is kept in memory and filled from the documents at open ({@link MemoryKeyIndex},
     * {@link FieldIndex}); an earlier build kept them in the file, where they would only hold the ids
     * of documents long gone (an erased couple's among them).
     */
    private static void forgetStoredIndexes(MVStore store) {
        List<String> indexes = store.getMapNames().stream().filter(name -> name.contains("._index_")).toList();
        indexes.forEach(store::removeMap);
        if (!indexes.isEmpty()) {
            store.commit();
        }
    }

    /**
     * Every request the stand-in serves runs whole between two commits. A document's write touches
     * several maps (its data, its indexes) and a commit takes the maps one after another, so a commit
     * in the middle of a write could keep half of it; and a tracking token written during a commit
     * could be kept while the documents written just before it are not. Requests share the lock; a
     * commit waits for the ones running and holds the next back for as long as it takes.
     */
    private <T> T whileNotCommitting(Supplier<T> request) {
        commits.readLock().lock();
        try {
            return request.get();
        } finally {
            commits.readLock().unlock();
        }
    }

    /**
     * The file's databases keep documents as {@link BsonValues}, their unique indexes in memory
     * ({@link MemoryKeyIndex}), and answer by {@link FieldIndex} where the stand-in would read whole collections.
     */
    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        // The backend opens its databases while it is built, before this class's fields are set: ask it for the store.
        MVStore file = getMvStore();
        CursorRegistry cursors = getCursorRegistry();
        return new H2Database(databaseName, file, cursors) {
            /** As the backend opens a collection (the same map), its documents kept as {@link BsonValues}. */
            @Override
            protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
                String namespace = getFullCollectionNamespace(collectionName);
                MVMap<Object, byte[]> documents = file.openMap("databases." + namespace,
                        new MVMap.Builder<Object, byte[]>().valueType(new BsonValues()));
                return new PackedCollection(this, collectionName, options, documents, cursors);
            }

            @Override
            protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName,
                                                            List<IndexKey> keys, boolean sparse) {
                return new MemoryKeyIndex<>(indexName, keys, sparse);
            }

            @Override
            protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName,
                                                               List<IndexKey> keys, boolean sparse) {
                return new FieldIndex<>(indexName, keys);
            }
        };
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        return whileNotCommitting(() -> super.handleCommand(channel, database, command, query));
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        return whileNotCommitting(() -> super.handleMessage(message));
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        return whileNotCommitting(() -> super.handleQuery(query));
    }

    @Override
    public void commit() {
        commits.writeLock().lock();
        try {
            if (!closed.get()) {
                store.commit();
            }
        } finally {
            commits.writeLock().unlock();
        }
    }

    /**
     * MVStore's own housekeeping runs on its auto-commit thread, which is off here: every minute or
     * so, chunks that are mostly stale are rewritten, or the file grows with every commit.
     */
    private void commitQuietly() {
        try {
            commit();
            if (++commitsSinceCompaction >= COMPACT_EVERY_COMMITS) {
                commitsSinceCompaction = 0;
                compact();
            }
        } catch (RuntimeException e) {
            // The next tick tries again; a failure for good shows at close.
            log.warn("Could not commit the views file: {}", e.getMessage());
        }
    }

    private void compact() {
        commits.writeLock().lock();
        try {
            if (!closed.get()) {
                store.compact(COMPACT_BELOW_FILL_RATE, COMPACT_BYTES);
                store.commit();
            }
        } finally {
            commits.writeLock().unlock();
        }
    }

    /** Called by the server as it shuts down, after its last request: the last commit, then the file is closed. */
    @Override
    public void close() {
        committer.shutdownNow();
        commits.writeLock().lock();
        try {
            if (closed.compareAndSet(false, true)) {
                store.commit();
                super.close();
            }
        } finally {
            commits.writeLock().unlock();
        }
    }
}
