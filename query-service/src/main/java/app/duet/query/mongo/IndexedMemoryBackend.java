package app.duet.query.mongo;

import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;

import java.util.List;

/** The stand-in in memory (the tests' views), with {@link FieldIndex} for the indexes it would ignore. */
final class IndexedMemoryBackend extends MemoryBackend {

    /**
     * Neither stand-in keeps a collection's data size (collStats' {@code size}, which nothing here asks
     * for): keeping it encodes every stored document to BSON twice per replace, once for the old and
     * once for the new, a quarter of the stand-in's work for each view document a batch writes.
     */
    static final boolean TRACKS_DATA_SIZE = false;

    @Override
    public MemoryDatabase openOrCreateDatabase(String databaseName) {
        return new MemoryDatabase(databaseName, getCursorRegistry()) {
            @Override
            protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
                return new MemoryCollection(this, collectionName, options, getCursorRegistry()) {
                    @Override
                    protected boolean tracksDataSize() {
                        return TRACKS_DATA_SIZE;
                    }
                };
            }

            @Override
            protected Index<Integer> openOrCreateSecondaryIndex(String collectionName, String indexName,
                                                                List<IndexKey> keys, boolean sparse) {
                return new FieldIndex<>(indexName, keys);
            }
        };
    }
}
