package app.duet.api.exercise;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The observing therapist judges that a partner's move was a real softening or re-engagement. */
public record ConfirmChangeEvent(@TargetAggregateIdentifier String sessionId, String therapistId, String moveId) {
}
