package app.duet.query.cycle;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * Where cycle states are kept: two collections, one serving reads and pushes, the other free to be
 * built anew beside it (a new version of the rules, or a rebuild that must not disturb anyone) and
 * then switched to. Which one serves is itself stored, so every instance and every restart agrees.
 */
@Component
@EnableConfigurationProperties(CycleThresholds.class)
public class CycleStateStore {

    public static final String LIVE = "cycle_states";
    public static final String NEXT = "cycle_states_next";
    private static final String SWITCHES = "projection_serving";
    private static final String SWITCH_ID = "cycle-state";

    private final MongoTemplate mongo;
    private final CycleStateMarks marks;
    private final CycleThresholds thresholds;

    public CycleStateStore(MongoTemplate mongo, CycleThresholds thresholds) {
        this.mongo = mongo;
        this.marks = new CycleStateMarks(mongo, thresholds);
        this.thresholds = thresholds;
    }

    /** A couple's state before its first event, under this store's thresholds. */
    public CycleStateDocument newState(String coupleId) {
        return new CycleStateDocument(coupleId, thresholds);
    }

    public CycleThresholds thresholds() {
        return thresholds;
    }

    /** The collection that serves reads now. */
    public String serving() {
        org.bson.Document choice = mongo.findById(SWITCH_ID, org.bson.Document.class, SWITCHES);
        return choice == null ? LIVE : choice.getString("collection");
    }

    public void serveFrom(String collection) {
        mongo.upsert(Query.query(Criteria.where("_id").is(SWITCH_ID)), Update.update("collection", collection), SWITCHES);
    }

    public Optional<CycleStateDocument> find(String collection, String coupleId) {
        return Optional.ofNullable(mongo.findById(coupleId, CycleStateDocument.class, collection))
                .map(state -> marks.attach(collection, state));
    }

    public Optional<CycleStateDocument> findBySession(String collection, String sessionId) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("sessionIds").is(sessionId)),
                CycleStateDocument.class, collection)).map(state -> marks.attach(collection, state));
    }

    public List<CycleStateDocument> all(String collection) {
        return mongo.findAll(CycleStateDocument.class, collection).stream()
                .map(state -> marks.attach(collection, state)).toList();
    }

    /** Its timeline moments and evidence go to their own collection first, so the state's document stays small. */
    public void save(String collection, CycleStateDocument state) {
        marks.moveOut(collection, state);
        mongo.save(state, collection);
        marks.attach(collection, state);
    }

    public void delete(String collection, String coupleId) {
        mongo.remove(Query.query(Criteria.where("_id").is(coupleId)), collection);
        marks.deleteOf(collection, coupleId);
    }

    public void deleteAll(String collection) {
        mongo.remove(new Query(), collection);
        marks.deleteAll(collection);
    }

    public long count(String collection) {
        return mongo.count(new Query(), collection);
    }
}
