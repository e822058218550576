package app.duet.api.session;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A partner writes or rewrites a private draft entry; only its author sees it until they share it. */
public record WriteDraft(@TargetAggregateIdentifier String sessionId, String partnerId, String entryId, String text) {
}
