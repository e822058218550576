package app.duet.query.cycle;

import app.duet.api.cycle.EvidenceRefView;
import org.axonframework.eventhandling.DomainEventMessage;

/** How an event is named as evidence: its id in the store, its type, its aggregate, and when. */
public final class CycleStateEvidence {

    private CycleStateEvidence() {
    }

    public static EvidenceRefView refOf(DomainEventMessage<?> message) {
        return new EvidenceRefView(message.getIdentifier(), message.getPayloadType().getSimpleName(),
                message.getAggregateIdentifier(), message.getTimestamp());
    }
}
