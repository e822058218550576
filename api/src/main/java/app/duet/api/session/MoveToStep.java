package app.duet.api.session;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A partner goes to a step of the exercise; both see where the other is. */
public record MoveToStep(@TargetAggregateIdentifier String sessionId, String partnerId, String step) {
}
