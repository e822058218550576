package app.duet.query.analytics;

import app.duet.query.cycle.CycleState;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.stereotype.Component;

import java.time.Instant;

import static app.duet.query.cycle.CycleStateEvidence.refOf;

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
        for (DomainEventMessage<?> event : history.upTo(coupleId, at)) {
            if (state.applied().isNew(event.getAggregateIdentifier(), event.getSequenceNumber())) {
                if (state.apply(event.getPayload(), refOf(event))) {
                    state.applied().record(event.getAggregateIdentifier(), event.getSequenceNumber());
                } else {
                    state.applied().skip(event.getAggregateIdentifier(), event.getSequenceNumber());
                }
            }
        }
        return state;
    }
}
