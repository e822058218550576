package app.duet.api.exercise;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The partner who committed to a baby step in a session says how it went this time: done, or not. */
public record FollowUpBabyStep(@TargetAggregateIdentifier String sessionId, String followUpId, String partnerId,
                               String behaviourEntryId, Boolean done) {
}
