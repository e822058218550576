package app.duet.api.exercise;

import app.duet.api.privacy.DataOwner;
import app.duet.api.privacy.PersonalData;
import org.axonframework.serialization.Revision;

/** A partner answered a behaviour on the other's list with a smaller step they are willing to take. */
@Revision("1")
public record SmallerStepOffered(@DataOwner String sessionId, String behaviourEntryId, String listedBy, String offeredBy, @PersonalData String words) {
}
