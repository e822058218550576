package app.duet.api.session;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Either partner reveals a step once both have submitted their answers. */
public record RevealAnswers(@TargetAggregateIdentifier String sessionId, String partnerId, String step) {
}
