package app.duet.query.events;

import app.duet.api.AggregateType;
import app.duet.eventstore.privacy.DataKeys;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;

/**
 * Orders the projections' events per couple: a couple's events and all its sessions' events fall in
 * one segment and are applied in the order they were stored, while other couples' events go on in
 * other segments, on other threads or instances. Per session would not do: a couple's overview and
 * cycle state are built from its sessions' events and its own together.
 * <p>
 * It looks at the stored aggregate, never at the payload, so a segment that does not own an event
 * skips it without decrypting it. A session names its couple through the data-key link made when it
 * started ({@link DataKeys#coupleOfOwner}), which no later event changes; an owner without a link (none
 * should be) keeps its own order.
 */
public final class ByCouple implements SequencingPolicy<EventMessage<?>> {

    private final DataKeys keys;

    public ByCouple(DataKeys keys) {
        this.keys = keys;
    }

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        if (!(event instanceof DomainEventMessage<?> domain)) {
            return event.getIdentifier();
        }
        String aggregateId = domain.getAggregateIdentifier();
        if (AggregateType.COUPLE.matches(domain.getType())) {
            return aggregateId;
        }
        return keys.coupleOfOwner(aggregateId).orElse(aggregateId);
    }
}
