package app.duet.api.exercise;

import org.axonframework.serialization.Revision;

/**
 * In a session, a partner answered where they stand and how much energy they have left (0 to 10):
 * an entry of the step, private to its author until the step reveals it.
 */
@Revision("1")
public record LeanRecorded(String sessionId, String coupleId, String entryId, String partnerId, String step, Lean lean,
                           int energy) {
}
