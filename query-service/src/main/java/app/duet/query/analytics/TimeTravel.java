package app.duet.query.analytics;

import app.duet.query.cycle.CycleState;
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

    public TimeTravel(CoupleHistory history) {
        this.history = history;
    }

    public CycleState cycleStateAt(String coupleId, Instant at) {
        CycleState state = new CycleState(coupleId);
        history.upTo(coupleId, at).forEach(state::applyOnce);
        return state;
    }
}
