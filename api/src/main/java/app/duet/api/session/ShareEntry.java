package app.duet.api.session;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The author shares their draft entry with their partner (and a consented therapist). */
public record ShareEntry(@TargetAggregateIdentifier String sessionId, String partnerId, String entryId) {
}
