package app.duet.query.batch;

import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The views' MongoTemplate (and so every Spring Data repository's): inside an event processor's
 * batch, a document read by its id is read once and then served from the {@link ViewBatch}, a saved
 * one is kept there and written with the batch's bulk write. Any other use of a collection (a query,
 * a delete, an update) first stores what the batch changed in it and forgets what it read, so
 * MongoDB answers it as if every change had been written at once. Outside a batch (queries from
 * clients, tests) it is Spring's template as it is.
 */
public class BatchingMongoTemplate extends MongoTemplate {

    private static final ThreadLocal<Boolean> DIRECT = ThreadLocal.withInitial(() -> false);

    public BatchingMongoTemplate(MongoDatabaseFactory factory, MongoConverter converter) {
        super(factory, converter);
    }

    @Override
    public <T> T findById(Object id, Class<T> type, String collection) {
        Optional<ViewBatch> batch = ViewBatch.current();
        if (batch.isEmpty() || id == null || !hasPlainId(type)) {
            return super.findById(id, type, collection);
        }
        return readOnce(batch.get(), collection, id, type);
    }

    /** Spring Data's repositories ask {@code findById} as a query on the id. */
    @Override
    public <T> T findOne(Query query, Class<T> type, String collection) {
        Optional<ViewBatch> batch = ViewBatch.current();
        Object id = batch.isEmpty() ? null : soughtId(query, type);
        if (id == null) {
            return super.findOne(query, type, collection);
        }
        return readOnce(batch.get(), collection, id, type);
    }

    @Override
    public <T> T save(T document, String collection) {
        Optional<ViewBatch> batch = ViewBatch.current();
        Object id = batch.isEmpty() ? null : idOf(document);
        if (id == null) {
            return super.save(document, collection);
        }
        Object kept;
        if (document instanceof Document raw) {
            kept = new Document(raw);
        } else if (batch.get().keepsObjects()) {
            kept = document;
        } else {
            kept = bson(document);
        }
        batch.get().change(collection, id, kept, this::write);
        return document;
    }

    /** Every operation on a collection passes here first: one that is not the batch's own finds the batch's changes stored. */
    @Override
    protected MongoCollection<Document> prepareCollection(MongoCollection<Document> collection) {
        if (!DIRECT.get()) {
            ViewBatch.started().ifPresent(batch -> direct(() -> {
                batch.handOver(collection.getNamespace().getCollectionName());
                return null;
            }));
        }
        return super.prepareCollection(collection);
    }

    /**
     * A batch that keeps objects maps a document once and hands every later read the same object; one
     * applied again on copies ({@link ViewBatch}) keeps BSON and maps a fresh object for every read, so
     * an event whose handler fails halfway through changing what it read leaves nothing of that change.
     * Raw BSON reads always get a copy.
     */
    private <T> T readOnce(ViewBatch batch, String collection, Object id, Class<T> type) {
        Object known = batch.known(collection, id);
        if (known == ViewBatch.ABSENT) {
            return null;
        }
        if (known == null) {
            known = direct(() -> super.findById(id, Document.class, collection));
            batch.read(collection, id, known);
            if (known == null) {
                return null;
            }
        }
        if (type != Document.class && type.isInstance(known)) {
            return type.cast(known);
        }
        Document stored = known instanceof Document raw ? raw : bson(known);
        if (type == Document.class) {
            return type.cast(new Document(stored));
        }
        T read = getConverter().read(type, stored);
        if (batch.keepsObjects() && known instanceof Document) {
            batch.read(collection, id, read);
        }
        return read;
    }

    private Document bson(Object document) {
        Document stored = new Document();
        getConverter().write(document, stored);
        return stored;
    }

    /** One bulk write per collection: each changed document replaces the stored one, or is inserted. */
    private void write(String collection, List<Object> documents) {
        direct(() -> {
            BulkOperations bulk = bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
            for (Object document : documents) {
                Document stored = document instanceof Document raw ? raw : bson(document);
                bulk.replaceOne(Query.query(Criteria.where("_id").is(idOf(stored))), stored,
                        FindAndReplaceOptions.options().upsert());
            }
            return bulk.execute();
        });
    }

    private static <T> T direct(Supplier<T> operation) {
        if (DIRECT.get()) {
            return operation.get();
        }
        DIRECT.set(true);
        try {
            return operation.get();
        } finally {
            DIRECT.set(false);
        }
    }

    /** The id a query asks for when it asks for nothing but one document by its id, else null. */
    private Object soughtId(Query query, Class<?> type) {
        if (!hasPlainId(type) || query.isSorted() || query.getSkip() > 0 || !query.getFieldsObject().isEmpty()
                || query.getCollation().isPresent()) {
            return null;
        }
        Document criteria = query.getQueryObject();
        if (criteria.size() != 1) {
            return null;
        }
        Map.Entry<String, Object> only = criteria.entrySet().iterator().next();
        boolean byId = only.getKey().equals("_id") || type != Document.class
                && only.getKey().equals(entity(type).getRequiredIdProperty().getName());
        return byId && only.getValue() instanceof String id ? id : null;
    }

    /**
     * Documents with a String id and no version (whose save would check the version) are kept in the
     * batch, and so are raw BSON documents (a setting such as which collection serves).
     */
    private boolean hasPlainId(Class<?> type) {
        if (type == Document.class) {
            return true;
        }
        MongoPersistentEntity<?> entity = entity(type);
        return entity != null && entity.hasIdProperty() && !entity.hasVersionProperty()
                && entity.getRequiredIdProperty().getType() == String.class;
    }

    private Object idOf(Object document) {
        if (document instanceof Document raw) {
            return raw.get("_id") instanceof String id ? id : null;
        }
        if (!hasPlainId(document.getClass())) {
            return null;
        }
        return entity(document.getClass()).getIdentifierAccessor(document).getIdentifier();
    }

    private MongoPersistentEntity<?> entity(Class<?> type) {
        if (type == null || Document.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type)) {
            return null;
        }
        return getConverter().getMappingContext().getPersistentEntity(type);
    }
}
