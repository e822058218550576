package app.duet.api.session;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A partner's answers at a step revealed together are ready: final, and still private. Once both
 * partners' are, a short countdown starts and the answers open for both at its end.
 */
public record MarkAnswersReady(@TargetAggregateIdentifier String sessionId, String partnerId, String step) {
}
