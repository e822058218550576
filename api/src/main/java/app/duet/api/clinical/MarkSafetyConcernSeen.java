package app.duet.api.clinical;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A therapist who was told of a safety concern says they have read it. */
public record MarkSafetyConcernSeen(@TargetAggregateIdentifier String coupleId, String concernId, String therapistId) {
}
