package app.duet.api.session;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A partner or the observing therapist resumes a paused session. */
public record ResumeSession(@TargetAggregateIdentifier String sessionId, String byId) {
}
