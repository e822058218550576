package app.duet.api.session;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A therapist both partners consented to joins the session as an observer. */
public record JoinSessionAsTherapist(@TargetAggregateIdentifier String sessionId, String therapistId) {
}
