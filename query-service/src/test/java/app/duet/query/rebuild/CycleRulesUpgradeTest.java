package app.duet.query.rebuild;

import app.duet.query.cycle.CycleStateDocument;
import app.duet.query.cycle.CycleStateProjection;
import app.duet.query.cycle.CycleStateRules;
import app.duet.query.cycle.CycleStateStore;
import app.duet.query.cycle.CycleThresholds;
import app.duet.query.support.InProcessMongo;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/** States built by earlier rules are rebuilt once when the rules change; a new store is left alone. */
class CycleRulesUpgradeTest {

    @RegisterExtension
    static final InProcessMongo inProcess = new InProcessMongo();

    private final MongoTemplate mongo = new MongoTemplate(inProcess.client(), "views_" + UUID.randomUUID().toString().substring(0, 8));
    private final CycleStateStore store = new CycleStateStore(mongo, CycleThresholds.DEFAULTS);
    private final Projections projections = mock(Projections.class);

    private CycleRulesUpgrade startingInstance() {
        return new CycleRulesUpgrade(mongo, store, projections);
    }

    @Test
    void aNewStoreRebuildsNothingAndRemembersTheRules() {
        startingInstance().rebuildWhenTheRulesChanged();

        verify(projections, never()).rebuild(CycleStateProjection.PROCESSING_GROUP);
        assertThat(mongo.findById("cycle-state-rules", Document.class, "projection_serving").getInteger("version"))
                .isEqualTo(CycleStateRules.VERSION);
    }

    @Test
    void statesBuiltBeforeVersionsWereKeptAreRebuiltOnceWhicheverInstanceStartsFirst() {
        store.save(CycleStateStore.LIVE, new CycleStateDocument("couple-1"));

        startingInstance().rebuildWhenTheRulesChanged();
        startingInstance().rebuildWhenTheRulesChanged();

        verify(projections, times(1)).rebuild(CycleStateProjection.PROCESSING_GROUP);
    }

    @Test
    void statesBuiltByAnEarlierVersionAreRebuilt() {
        store.save(CycleStateStore.LIVE, new CycleStateDocument("couple-1"));
        mongo.insert(new Document("_id", "cycle-state-rules").append("version", CycleStateRules.VERSION - 1), "projection_serving");

        startingInstance().rebuildWhenTheRulesChanged();

        verify(projections, times(1)).rebuild(CycleStateProjection.PROCESSING_GROUP);
    }
}
