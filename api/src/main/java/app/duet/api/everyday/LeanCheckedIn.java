package app.duet.api.everyday;

import app.duet.api.exercise.Lean;
import org.axonframework.serialization.Revision;

/**
 * Between sessions, a partner said where they stand and how much energy they have left (0 to 10);
 * the couple sees it at once. (In a session the same question is an entry: {@code LeanRecorded}.)
 * Revision 2: revision 1 was raised by both aggregates, with a session and a step when it came from one.
 */
@Revision("2")
public record LeanCheckedIn(String coupleId, String checkInId, String partnerId, Lean lean, int energy) {
}
