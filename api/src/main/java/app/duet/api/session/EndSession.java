package app.duet.api.session;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A partner ends the session for both. */
public record EndSession(@TargetAggregateIdentifier String sessionId, String partnerId) {
}
