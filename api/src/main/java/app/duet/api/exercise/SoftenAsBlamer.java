package app.duet.api.exercise;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The partner who usually pursues or blames says the softer longing under it, to the other. */
public record SoftenAsBlamer(@TargetAggregateIdentifier String sessionId, String partnerId, String moveId, String words) {
}
