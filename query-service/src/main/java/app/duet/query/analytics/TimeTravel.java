package app.duet.query.analytics;

import app.duet.query.cycle.CycleStateDocument;
import app.duet.query.cycle.CycleStateRules;
import app.duet.query.cycle.CycleStateStore;
import org.springframework.stereotype.Component;

import java.time.Instant;


/**
 * A couple's cycle state as it stood at any instant: a fresh state fed the couple's events up to
 * then, straight from the event store, by the same rules as the live projection. Nothing is
 * stored and no projection is touched.
 */
@Component
public class TimeTravel {

    private final CoupleHistory history;
    private final CycleStateStore store;

    public TimeTravel(CoupleHistory history, CycleStateStore store) {
        this.history = history;
        this.store = store;
    }

    /** Under the same thresholds as the live state, so both say the same of the same instant. */
    public CycleStateDocument cycleStateAt(String coupleId, Instant at) {
        CycleStateDocument state = store.newState(coupleId);
        CycleStateRules rules = new CycleStateRules(state);
        history.upTo(coupleId, at).forEach(rules::applyOnce);
        return state;
    }
}
