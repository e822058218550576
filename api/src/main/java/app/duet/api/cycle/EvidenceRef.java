package app.duet.api.cycle;

import java.time.Instant;

/** One event behind a figure: its id in the event store, its type, its aggregate and when it happened. */
public record EvidenceRef(String eventId, String type, String aggregateId, long sequence, Instant at) {
}
