package app.duet.api.exercise;

import org.axonframework.serialization.Revision;

/**
 * Between sessions, the partner who committed to a baby step said how it went this time: done, or it
 * did not happen. A step can be followed up again and again; each follow-up has its own id.
 */
@Revision("1")
public record BabyStepFollowedUp(String sessionId, String followUpId, String behaviourEntryId, String committedBy,
                                 boolean done) {
}
