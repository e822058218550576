package app.duet.api.exercise;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A partner answers the other's need (shared or revealed) with a reassurance, private until shared. */
public record Reassure(@TargetAggregateIdentifier String sessionId, String partnerId, String entryId, String step, String needEntryId, String words) {
}
