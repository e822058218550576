package app.duet.api.cycle;

import java.time.Instant;

/**
 * One event behind a figure: its id in the event store, its type, its aggregate and when it
 * happened. No position in the stream: the gaps between visible events would tell how many
 * private answers the other partner wrote.
 */
public record EvidenceRefView(String eventId, String type, String aggregateId, Instant at) {
}
