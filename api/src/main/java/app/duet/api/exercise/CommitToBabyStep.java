package app.duet.api.exercise;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A partner commits to a behaviour they chose, or to the smaller step they offered for it. */
public record CommitToBabyStep(@TargetAggregateIdentifier String sessionId, String partnerId, String behaviourEntryId) {
}
