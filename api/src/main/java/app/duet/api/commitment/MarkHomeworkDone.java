package app.duet.api.commitment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A partner marks their part of the homework done. */
public record MarkHomeworkDone(@TargetAggregateIdentifier String coupleId, String partnerId, String homeworkId) {
}
