package app.duet.api.exercise;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A partner names one link of their side of the cycle, privately at first; rewriting it replaces it. {@code move} is for behaviour links. */
public record RecordCycleLink(@TargetAggregateIdentifier String sessionId, String partnerId, String entryId, String step, CycleLink link, int intensity, CycleMove move, String words) {
}
