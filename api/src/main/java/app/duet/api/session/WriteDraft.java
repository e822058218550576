package app.duet.api.session;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A partner writes or rewrites a private text entry at a step; only its author sees it until it is shared or revealed. */
public record WriteDraft(@TargetAggregateIdentifier String sessionId, String partnerId, String entryId, String step, String text) {
}
