package app.duet.query.analytics;

import app.duet.api.AggregateType;
import app.duet.eventstore.privacy.DataKeys;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A couple's events straight from the event store (the couple's own and every session's, found by
 * the data-key owners the sessions were linked to), in the order they happened. Reading them
 * touches no projection.
 */
@Component
public class CoupleHistory {

    private final EventStorageEngine storage;
    private final DataKeys keys;

    public CoupleHistory(EventStorageEngine storage, DataKeys keys) {
        this.storage = storage;
        this.keys = keys;
    }

    /** Every event of the couple and its sessions up to and including this instant. */
    public List<DomainEventMessage<?>> upTo(String coupleId, Instant at) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        List<String> aggregates = new ArrayList<>(keys.ownersOf(coupleId));
        if (!aggregates.contains(coupleId)) {
            aggregates.add(0, coupleId);
        }
        for (String aggregate : aggregates) {
            storage.readEvents(aggregate).asStream()
                    .filter(event -> !event.getTimestamp().isAfter(at))
                    .forEach(events::add);
        }
        events.sort(Comparator.<DomainEventMessage<?>, Instant>comparing(DomainEventMessage::getTimestamp)
                .thenComparing(event -> AggregateType.COUPLE.matches(event.getType()) ? 0 : 1)
                .thenComparing(DomainEventMessage::getAggregateIdentifier)
                .thenComparingLong(DomainEventMessage::getSequenceNumber));
        return events;
    }

    /** One session's events, in order. */
    public List<DomainEventMessage<?>> ofSession(String sessionId) {
        return storage.readEvents(sessionId).asStream().<DomainEventMessage<?>>map(event -> event).toList();
    }
}
