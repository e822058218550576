package app.duet.api.exercise;

import org.axonframework.serialization.Revision;

/** A partner chose a behaviour from the other's list (by the lister's entry id). */
@Revision("1")
public record BabyStepChosen(String sessionId, String behaviourEntryId, String listedBy, String chosenBy) {
}
