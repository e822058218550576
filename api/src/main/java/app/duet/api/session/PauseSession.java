package app.duet.api.session;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A partner or the observing therapist pauses the session: nothing is written until it resumes. */
public record PauseSession(@TargetAggregateIdentifier String sessionId, String byId) {
}
