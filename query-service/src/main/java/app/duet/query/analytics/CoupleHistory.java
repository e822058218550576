package app.duet.query.analytics;

import app.duet.api.AggregateType;
import app.duet.eventstore.privacy.DataKeys;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A couple's events straight from the event store (the couple's own and every session's, found by
 * the data-key owners the sessions were linked to), in the order the live projections applied them:
 * the store's global order, so time travel says what the live view said even of events stamped with
 * the same instant. Reading them touches no projection.
 */
@Component
public class CoupleHistory {

    private final EventStorageEngine storage;
    private final DataKeys keys;
    private final JdbcClient eventTable;

    public CoupleHistory(EventStorageEngine storage, DataKeys keys, JdbcClient eventTable) {
        this.storage = storage;
        this.keys = keys;
        this.eventTable = eventTable;
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
        Map<String, Long> order = globalOrder(aggregates);
        events.sort(Comparator.<DomainEventMessage<?>>comparingLong(event -> order.getOrDefault(event.getIdentifier(), Long.MAX_VALUE))
                .thenComparing(DomainEventMessage::getTimestamp)
                .thenComparing(event -> AggregateType.COUPLE.matches(event.getType()) ? 0 : 1)
                .thenComparing(DomainEventMessage::getAggregateIdentifier)
                .thenComparingLong(DomainEventMessage::getSequenceNumber));
        return events;
    }

    /** Each event's place in the store's global order, by its id. */
    private Map<String, Long> globalOrder(List<String> aggregates) {
        Map<String, Long> order = new HashMap<>();
        eventTable.sql("SELECT event_identifier, global_index FROM domain_event_entry WHERE aggregate_identifier IN (:aggregates)")
                .param("aggregates", aggregates)
                .query((row, n) -> Map.entry(row.getString(1), row.getLong(2))).list()
                .forEach(entry -> order.put(entry.getKey(), entry.getValue()));
        return order;
    }

    /** One session's events, in order. */
    public List<DomainEventMessage<?>> ofSession(String sessionId) {
        return storage.readEvents(sessionId).asStream().<DomainEventMessage<?>>map(event -> event).toList();
    }
}
