package app.duet.api.exercise;

import app.duet.api.privacy.DataOwner;
import app.duet.api.privacy.PersonalData;
import org.axonframework.serialization.Revision;

/** A behaviour that would move its author went on their list; private until the lists are revealed. */
@Revision("1")
public record BehaviourListed(@DataOwner String sessionId, String entryId, String authorId, String step, @PersonalData String words, int size) {
}
