package app.duet.api.exercise;

import org.axonframework.serialization.Revision;

/** A therapist confirmed a partner's move as a change event: a clinical judgement, kept apart from the move itself. */
@Revision("1")
public record ChangeEventConfirmed(String sessionId, String moveId, String partnerId, ChangeEvent change, String therapistId) {
}
