package app.duet.api.session;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A partner takes their ready answers back to change them: possible until the countdown to the reveal starts. */
public record TakeAnswersBack(@TargetAggregateIdentifier String sessionId, String partnerId, String step) {
}
