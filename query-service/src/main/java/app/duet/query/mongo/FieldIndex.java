package app.duet.query.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A non-unique index for the in-process stand-in, which otherwise ignores every index but unique
 * ones and answers {@code {coupleId: …}} by reading the whole collection: a cost that grows with
 * every couple's history. It keys documents by the value of the index's first field (each element,
 * for an array or a path through one), in memory: when the server opens, the collection fills it
 * from its documents. A query that names that field with a plain value is answered from the
 * documents filed under it, which the server then matches against the whole query; any other query
 * (operators, regular expressions, null, arrays) reads the collection as before.
 */
final class FieldIndex<P> extends Index<P> {

    private final String field;
    private final Map<Object, Set<P>> positionsByValue = new HashMap<>();
    private final Map<Object, P> positionById = new HashMap<>();

    FieldIndex(String name, List<IndexKey> keys) {
        // Sparse: a document without the field is filed under nothing, and the server allows that.
        super(name, keys, true);
        this.field = keys.get(0).getKey();
    }

    @Override
    public synchronized P getPosition(Document document) {
        return positionById.get(document.get("_id"));
    }

    @Override
    public void checkAdd(Document document, MongoCollection<P> collection) {
        // Not unique: nothing can conflict.
    }

    @Override
    public synchronized void add(Document document, P position, MongoCollection<P> collection) {
        positionById.put(document.get("_id"), position);
        for (Object value : valuesOf(document)) {
            positionsByValue.computeIfAbsent(value, v -> new LinkedHashSet<>()).add(position);
        }
    }

    @Override
    public synchronized P remove(Document document) {
        P position = positionById.remove(document.get("_id"));
        if (position != null) {
            unfile(document, position);
        }
        return position;
    }

    @Override
    public boolean canHandle(Document query) {
        Object value = query.get(field);
        return value != null && !(value instanceof Document) && !(value instanceof Collection)
                && !(value instanceof Pattern) && !BsonRegularExpression.isRegularExpression(value)
                && !(value instanceof Missing);
    }

    @Override
    public synchronized Iterable<P> getPositions(Document query) {
        return new ArrayList<>(positionsByValue.getOrDefault(normalized(query.get(field)), Set.of()));
    }

    @Override
    public synchronized long getCount() {
        return positionById.size();
    }

    @Override
    public long getDataSize() {
        return 0;
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
        // Not unique: nothing can conflict.
    }

    @Override
    public synchronized void updateInPlace(Document oldDocument, Document newDocument, P position,
                                           MongoCollection<P> collection) {
        unfile(oldDocument, position);
        add(newDocument, position, collection);
    }

    @Override
    public synchronized void drop() {
        positionsByValue.clear();
        positionById.clear();
    }

    private void unfile(Document document, P position) {
        for (Object value : valuesOf(document)) {
            Set<P> positions = positionsByValue.get(value);
            if (positions != null && positions.remove(position) && positions.isEmpty()) {
                positionsByValue.remove(value);
            }
        }
    }

    private List<Object> valuesOf(Document document) {
        Object value = Utils.getSubdocumentValueCollectionAware(document, field);
        List<Object> values = new ArrayList<>();
        if (value instanceof Collection<?> many) {
            many.stream().filter(one -> one != null && !(one instanceof Missing)).map(FieldIndex::normalized)
                    .forEach(values::add);
        } else if (value != null && !(value instanceof Missing)) {
            values.add(normalized(value));
        }
        return values;
    }

    /** As the server compares: 1, 1L and 1.0 are one value. */
    private static Object normalized(Object value) {
        return value instanceof Number number && !(value instanceof Long big && (long) (double) big != big)
                ? (Object) number.doubleValue() : value;
    }
}
