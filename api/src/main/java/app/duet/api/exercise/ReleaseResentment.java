package app.duet.api.exercise;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The other partner agrees to the let-go pact. */
public record ReleaseResentment(@TargetAggregateIdentifier String sessionId, String partnerId, String pactId) {
}
