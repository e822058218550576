package app.duet.api.exercise;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A partner proposes a pact to let an old resentment go; it holds once the other agrees. */
public record ProposeLetGo(@TargetAggregateIdentifier String sessionId, String partnerId, String pactId, String words) {
}
