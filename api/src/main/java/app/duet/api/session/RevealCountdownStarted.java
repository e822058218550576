package app.duet.api.session;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * Both partners' answers at a step are ready: they open for both at {@code endsAt}. Started again,
 * with a new end, when the session resumes after a pause that held it.
 */
@Revision("1")
public record RevealCountdownStarted(String sessionId, String step, Instant endsAt) {
}
