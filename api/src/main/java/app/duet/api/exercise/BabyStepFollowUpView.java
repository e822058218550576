package app.duet.api.exercise;

import java.time.Instant;

/** One follow-up of a committed baby step: whether it happened this time, said by the partner who committed. */
public record BabyStepFollowUpView(String followUpId, String sessionId, String behaviourEntryId, String committedBy,
                                   boolean done, Instant at) {
}
