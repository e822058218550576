package app.duet.api.session;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A partner leaves a session they are present in. */
public record LeaveSession(@TargetAggregateIdentifier String sessionId, String partnerId) {
}
