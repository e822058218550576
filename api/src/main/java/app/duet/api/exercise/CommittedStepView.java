package app.duet.api.exercise;

import java.time.Instant;

/**
 * A baby step a partner committed to in a session, as the couple (and a therapist they consented to)
 * see it between sessions: the behaviour from the other's list, or the smaller step offered for it,
 * and how often the partner who committed has said since that it happened, or did not this time.
 */
public record CommittedStepView(String sessionId, String behaviourEntryId, String listedBy, String committedBy,
                                String behaviour, String smallerStep, Instant committedAt, int timesDone,
                                int timesNotDone, Instant lastFollowedUpAt) {

    /** The step with one more follow-up counted. */
    public CommittedStepView followedUp(boolean done, Instant at) {
        return new CommittedStepView(sessionId, behaviourEntryId, listedBy, committedBy, behaviour, smallerStep,
                committedAt, timesDone + (done ? 1 : 0), timesNotDone + (done ? 0 : 1), at);
    }
}
