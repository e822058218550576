package app.duet.query.rebuild;

import app.duet.query.cycle.CycleStateProjection;
import app.duet.query.cycle.CycleStateRules;
import app.duet.query.cycle.CycleStateStore;
import app.duet.query.cycle.NextCycleStateProjection;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * When the cycle state's rules change ({@link CycleStateRules#VERSION}), the states the rules before
 * built are rebuilt by the new ones, once, by whichever instance starts first: the version the views
 * were built with is stored beside which collection serves, and the first instance to raise it asks
 * every instance to rebuild the serving cycle state. Until it has caught up it answers 503, as any rebuild.
 */
@Component
class CycleRulesUpgrade {

    private static final Logger log = LoggerFactory.getLogger(CycleRulesUpgrade.class);
    private static final String SWITCHES = "projection_serving";
    private static final String RULES_ID = "cycle-state-rules";

    private final MongoTemplate mongo;
    private final CycleStateStore cycleStates;
    private final Projections projections;

    CycleRulesUpgrade(MongoTemplate mongo, CycleStateStore cycleStates, Projections projections) {
        this.mongo = mongo;
        this.cycleStates = cycleStates;
        this.projections = projections;
    }

    @EventListener(ApplicationReadyEvent.class)
    void rebuildWhenTheRulesChanged() {
        Document before = mongo.findAndModify(Query.query(Criteria.where("_id").is(RULES_ID)
                        .orOperator(Criteria.where("version").exists(false), Criteria.where("version").lt(CycleStateRules.VERSION))),
                Update.update("version", CycleStateRules.VERSION), FindAndModifyOptions.options().upsert(false),
                Document.class, SWITCHES);
        boolean known = mongo.exists(Query.query(Criteria.where("_id").is(RULES_ID)), SWITCHES);
        if (before == null && known) {
            return;
        }
        if (before == null) {
            // No version stored: a new store, or one built before versions were kept. Only one instance inserts it.
            try {
                mongo.insert(new Document("_id", RULES_ID).append("version", CycleStateRules.VERSION), SWITCHES);
            } catch (org.springframework.dao.DuplicateKeyException another) {
                return;
            }
        }
        String serving = cycleStates.serving();
        if (cycleStates.count(serving) == 0) {
            return;
        }
        String group = CycleStateStore.NEXT.equals(serving) ? NextCycleStateProjection.PROCESSING_GROUP
                : CycleStateProjection.PROCESSING_GROUP;
        log.info("The cycle state's rules are now version {}: rebuilding {} from the events", CycleStateRules.VERSION, group);
        projections.rebuild(group);
    }
}
