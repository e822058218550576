package app.duet.api.session;

import app.duet.api.session.Exercise;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A partner of a complete couple starts a live joint session. */
public record StartSession(@TargetAggregateIdentifier String coupleId, String sessionId, String partnerId, Exercise exercise) {
}
