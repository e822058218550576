package app.duet.api.session;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A partner is done with a revealed step: their answers there are final, and still private until the reveal. */
public record SubmitAnswers(@TargetAggregateIdentifier String sessionId, String partnerId, String step) {
}
