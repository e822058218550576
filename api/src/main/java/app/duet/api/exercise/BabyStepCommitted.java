package app.duet.api.exercise;

import org.axonframework.serialization.Revision;

/** A partner committed to a baby step: the behaviour on the other's list, or the smaller step they offered for it. */
@Revision("1")
public record BabyStepCommitted(String sessionId, String behaviourEntryId, String listedBy, String committedBy, boolean smallerStep) {
}
