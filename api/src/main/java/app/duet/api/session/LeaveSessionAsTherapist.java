package app.duet.api.session;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The observing therapist leaves the session. */
public record LeaveSessionAsTherapist(@TargetAggregateIdentifier String sessionId, String therapistId) {
}
