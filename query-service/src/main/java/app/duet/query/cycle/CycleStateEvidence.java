package app.duet.query.cycle;

import app.duet.api.cycle.EvidenceRef;
import org.axonframework.eventhandling.DomainEventMessage;

/** How an event is named as evidence: its id in the store, its type, its aggregate, and when. */
public final class CycleStateEvidence {

    private CycleStateEvidence() {
    }

    public static EvidenceRef refOf(DomainEventMessage<?> message) {
        return new EvidenceRef(message.getIdentifier(), message.getPayloadType().getSimpleName(),
                message.getAggregateIdentifier(), message.getTimestamp());
    }
}
