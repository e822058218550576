package app.duet.api.exercise;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The partner who usually withdraws lets the other in on their hurt instead of retreating. */
public record ReengageAsWithdrawer(@TargetAggregateIdentifier String sessionId, String partnerId, String moveId, String words) {
}
