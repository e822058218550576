package app.duet.api.exercise;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A partner picks a behaviour from the other's revealed list as one they are willing to do. */
public record ChooseBabyStep(@TargetAggregateIdentifier String sessionId, String partnerId, String behaviourEntryId) {
}
