package app.duet.api.exercise;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A partner states a need for closeness or space without blame; a need for space comes with a reassurance. */
public record StateNeed(@TargetAggregateIdentifier String sessionId, String partnerId, String entryId, String step, NeedKind need, String words, String reassurance) {
}
