package app.duet.api.exercise;

import org.axonframework.serialization.Revision;

/**
 * A partner said where they stand and how much energy they have left (0 to 10): between sessions
 * ({@code sessionId} null, seen by the couple at once) or in a check-in session (private until revealed).
 */
@Revision("1")
public record LeanCheckedIn(String coupleId, String sessionId, String checkInId, String partnerId, String step, Lean lean, int energy) {
}
