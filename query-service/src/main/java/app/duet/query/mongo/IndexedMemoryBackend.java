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

    @Override
    public MemoryDatabase openOrCreateDatabase(String databaseName) {
        return new MemoryDatabase(databaseName, getCursorRegistry()) {
            @Override
            protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
                return new MemoryCollection(this, collectionName, options, getCursorRegistry()) {
                    /**
                     * collStats' {@code size} is asked for by nothing here; keeping it encodes every stored
                     * document to BSON twice per replace, a quarter of the stand-in's work per view written.
                     */
                    @Override
                    protected boolean tracksDataSize() {
                        return false;
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
