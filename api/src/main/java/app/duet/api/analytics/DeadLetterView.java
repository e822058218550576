package app.duet.api.analytics;

import java.time.Instant;

/**
 * An event a projection could not apply, parked with the events of its aggregate that came after
 * it, for operators: what kind of event, whose (a pseudonym), where in that aggregate's stream, and
 * the class of the failure. Never its content, nor the failure's message, which might quote it.
 */
public record DeadLetterView(String projection, String eventType, String aggregate, long sequenceNumber,
                             String cause, Instant enqueuedAt, Instant lastTouched) {
}
