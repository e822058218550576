package app.duet.api.session;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sent by Duet, not a person: both partners' connections to the session have been gone for long. A
 * session running and not paused pauses (its pausedBy is null); any other changes nothing. It never
 * ends a session: the partners resume it when they come back.
 */
public record PauseSessionLeftAlone(@TargetAggregateIdentifier String sessionId) {
}
