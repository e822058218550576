package app.duet.query.cycle;

import app.duet.api.cycle.EvidenceRefView;
import app.duet.query.cycle.CycleStateDocument.Noted;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A cycle state's timeline moments and the events behind its figures, one document each beside the
 * state's collection ({@code <collection>_marks}), indexed by couple, list and order: they grow with the
 * couple's whole history, which no single document could hold. A mark's id is its couple and its
 * order, so storing the same change again (an event delivered again before its state was saved)
 * writes the same documents.
 */
final class CycleStateMarks {

    static final String TIMELINE = "timeline";
    private static final String EVIDENCE = "evidence:";

    /** One mark: a timeline moment, or an event behind the figure its list names. */
    record Mark(String id, String coupleId, String list, long order, Noted noted, EvidenceRefView ref) {
    }

    /** What a stored state reads of its marks. */
    interface Reader {

        Reader NONE = new Reader() {
            @Override
            public List<Noted> timeline() {
                return List.of();
            }

            @Override
            public List<EvidenceRefView> evidence(String figure) {
                return List.of();
            }
        };

        List<Noted> timeline();

        List<EvidenceRefView> evidence(String figure);
    }

    private final MongoTemplate mongo;
    private final CycleThresholds thresholds;
    private final Set<String> indexed = ConcurrentHashMap.newKeySet();

    CycleStateMarks(MongoTemplate mongo, CycleThresholds thresholds) {
        this.mongo = mongo;
        this.thresholds = thresholds;
    }

    static String of(String collection) {
        return collection + "_marks";
    }

    /**
     * Gives a state read from a collection what it needs to read its marks and the thresholds its rules
     * use, and the figures an earlier build kept inside it.
     */
    CycleStateDocument attach(String collection, CycleStateDocument state) {
        state.figures.addAll(state.evidence.keySet());
        state.thresholds = thresholds;
        String marks = of(collection);
        String coupleId = state.coupleId;
        state.stored = new Reader() {
            @Override
            public List<Noted> timeline() {
                return find(marks, coupleId, TIMELINE).stream().map(Mark::noted).toList();
            }

            @Override
            public List<EvidenceRefView> evidence(String figure) {
                return find(marks, coupleId, EVIDENCE + figure).stream().map(Mark::ref).toList();
            }
        };
        return state;
    }

    /** Stores the marks the state holds apart and leaves it holding none; the state itself is saved after. */
    void moveOut(String collection, CycleStateDocument state) {
        String marks = of(collection);
        ensureIndexed(marks);
        for (String figure : state.replacedFigures) {
            mongo.remove(Query.query(Criteria.where("coupleId").is(state.coupleId).and("list").is(EVIDENCE + figure)), marks);
        }
        for (Noted noted : state.timeline) {
            store(marks, state, TIMELINE, noted, null);
        }
        for (Map.Entry<String, List<EvidenceRefView>> figure : state.evidence.entrySet()) {
            figure.getValue().forEach(ref -> store(marks, state, EVIDENCE + figure.getKey(), null, ref));
        }
        state.timeline.clear();
        state.evidence.clear();
        state.replacedFigures.clear();
    }

    void deleteOf(String collection, String coupleId) {
        mongo.remove(Query.query(Criteria.where("coupleId").is(coupleId)), of(collection));
    }

    void deleteAll(String collection) {
        mongo.remove(new Query(), of(collection));
    }

    private void store(String marks, CycleStateDocument state, String list, Noted noted, EvidenceRefView ref) {
        long order = state.marksStored++;
        mongo.save(new Mark(state.coupleId + ":" + order, state.coupleId, list, order, noted, ref), marks);
    }

    private List<Mark> find(String marks, String coupleId, String list) {
        return mongo.find(Query.query(Criteria.where("coupleId").is(coupleId).and("list").is(list))
                .with(Sort.by("order")), Mark.class, marks);
    }

    private void ensureIndexed(String marks) {
        if (indexed.add(marks)) {
            mongo.indexOps(marks).createIndex(new Index().on("coupleId", Sort.Direction.ASC)
                    .on("list", Sort.Direction.ASC).on("order", Sort.Direction.ASC).named("couple_list_order"));
        }
    }
}
