package app.duet.query.mongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;

import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A views-file collection that keeps each document as its BSON bytes, in memory as in the file, and
 * hands out a fresh copy of it when asked (the stand-in changes a document only through
 * {@link #handleUpdate}, so nothing is lost by that).
 * <p>
 * Kept as objects, as the stand-in's own H2 collection keeps them, every view replaced in the last
 * seconds was a graph of hundreds of small objects that lived until the couple's next change: at
 * 1,000 couples in session each young collection copied about 17 MB of them, and its pauses of
 * 50–66 ms were the tail of every push. One array per document is copied at a fraction of that, and
 * the views take a fraction of the heap.
 */
final class PackedCollection extends AbstractSynchronizedMongoCollection<Object> {

    private final MVMap<Object, byte[]> documents;

    PackedCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                     MVMap<Object, byte[]> documents, CursorRegistry cursors) {
        super(database, collectionName, options, cursors);
        this.documents = documents;
    }

    /** collStats' {@code size} is asked for by nothing here; keeping it would encode every document twice per replace. */
    @Override
    protected boolean tracksDataSize() {
        return false;
    }

    @Override
    protected void updateDataSize(int sizeDelta) {
    }

    @Override
    protected int getDataSize() {
        return 0;
    }

    @Override
    protected Object addDocumentInternal(Document document) {
        Object key = getIdField() != null ? Utils.getSubdocumentValue(document, getIdField()) : UUID.randomUUID();
        byte[] previous = documents.putIfAbsent(Missing.ofNullable(key), BsonValues.encode(document));
        if (previous != null) {
            throw new IllegalStateException("Document with key '" + key + "' already existed in " + this);
        }
        return key;
    }

    @Override
    public int count() {
        return documents.size();
    }

    @Override
    public boolean isEmpty() {
        return documents.isEmpty();
    }

    @Override
    protected Document getDocument(Object position) {
        return BsonValues.decode(documents.get(position));
    }

    @Override
    protected void removeDocument(Object position) {
        if (documents.remove(position) == null) {
            throw new NoSuchElementException("No document with key " + position);
        }
    }

    @Override
    protected Stream<DocumentWithPosition<Object>> streamAllDocumentsWithPosition() {
        return documents.entrySet().stream()
                .map(entry -> new DocumentWithPosition<>(BsonValues.decode(entry.getValue()), entry.getKey()));
    }

    @Override
    protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                                         Document fieldSelector) {
        Stream<Document> all = isNaturalDescending(orderBy)
                ? streamAllDocumentsWithPosition()
                        .sorted((one, other) -> ValueComparator.desc().compare(one.getPosition(), other.getPosition()))
                        .map(DocumentWithPosition::getDocument)
                : documents.values().stream().map(BsonValues::decode);
        return matchDocumentsFromStream(all, query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    @Override
    protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
        documents.put(Missing.ofNullable(position), BsonValues.encode(newDocument));
    }
}
