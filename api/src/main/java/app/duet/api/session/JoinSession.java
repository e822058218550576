package app.duet.api.session;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A partner enters a running session. */
public record JoinSession(@TargetAggregateIdentifier String sessionId, String partnerId) {
}
