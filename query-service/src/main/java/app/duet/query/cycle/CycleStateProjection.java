package app.duet.query.cycle;

import app.duet.api.couple.CoupleErased;
import app.duet.api.cycle.CycleStateView;
import app.duet.api.cycle.EvidenceRef;
import app.duet.api.cycle.FindCycleEvidence;
import app.duet.api.cycle.FindCycleState;
import app.duet.api.session.SessionStarted;
import app.duet.query.live.ViewPublisher;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Keeps each couple's cycle state from the couple's events and its sessions', in its own processing
 * group, so it can be rebuilt (or built anew beside the live one) without touching the live views.
 * The rules are in {@link CycleState}; this only finds the state an event belongs to, applies the
 * event once, and pushes what changed to the couple's cycle topic.
 */
@Component
@ProcessingGroup(CycleStateProjection.PROCESSING_GROUP)
public class CycleStateProjection {

    public static final String PROCESSING_GROUP = "cycle-state";

    private final CycleStateRepository states;
    private final ViewPublisher publisher;

    public CycleStateProjection(CycleStateRepository states, ViewPublisher publisher) {
        this.states = states;
        this.publisher = publisher;
    }

    @EventHandler
    public void on(Object event, EventMessage<?> message, ReplayStatus replay) {
        if (!(message instanceof DomainEventMessage<?> domain) || event instanceof CoupleErased) {
            return;
        }
        stateOf(event, domain).ifPresent(state -> {
            EvidenceRef ref = refOf(domain);
            if (!state.applied().isNew(domain.getAggregateIdentifier(), domain.getSequenceNumber())) {
                return;
            }
            if (state.apply(event, ref)) {
                state.applied().record(domain.getAggregateIdentifier(), domain.getSequenceNumber());
                states.save(state);
                if (!replay.isReplay()) {
                    publisher.publish(state.toView());
                }
            } else {
                state.applied().skip(domain.getAggregateIdentifier(), domain.getSequenceNumber());
                states.save(state);
            }
        });
    }

    /** An erased couple's cycle state goes with it; analysts keep only what the export had counted. */
    @EventHandler
    public void on(CoupleErased event) {
        states.deleteById(event.coupleId());
    }

    /** The couple's own events carry its id; a session's events are found by the session. */
    private Optional<CycleState> stateOf(Object event, DomainEventMessage<?> message) {
        String aggregateId = message.getAggregateIdentifier();
        if ("Couple".equals(message.getType())) {
            return Optional.of(states.findById(aggregateId).orElseGet(() -> new CycleState(aggregateId)));
        }
        if (event instanceof SessionStarted started) {
            return states.findById(started.coupleId());
        }
        return states.findFirstBySessionIds(aggregateId);
    }

    static EvidenceRef refOf(DomainEventMessage<?> message) {
        return new EvidenceRef(message.getIdentifier(), message.getPayloadType().getSimpleName(),
                message.getAggregateIdentifier(), message.getSequenceNumber(), message.getTimestamp());
    }

    @QueryHandler
    public Optional<CycleStateView> handle(FindCycleState query) {
        return states.findById(query.coupleId()).map(CycleState::toView);
    }

    @QueryHandler
    public java.util.List<EvidenceRef> handle(FindCycleEvidence query) {
        return states.findById(query.coupleId()).map(state -> state.evidenceFor(query.figure()))
                .orElse(java.util.List.of());
    }

    @ResetHandler
    public void reset() {
        states.deleteAll();
    }
}
