package app.duet.api.exercise;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** In a check-in session, a partner says where they stand and how much energy (0 to 10) they have. */
public record RecordLean(@TargetAggregateIdentifier String sessionId, String partnerId, String entryId, String step, Lean lean, int energy) {
}
