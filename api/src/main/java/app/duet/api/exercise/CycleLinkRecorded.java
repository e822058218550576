package app.duet.api.exercise;

import app.duet.api.privacy.DataOwner;
import app.duet.api.privacy.PersonalData;
import org.axonframework.serialization.Revision;

/** A partner named a link of their cycle, with how strong it was (1 to 10); private until shared or revealed. */
@Revision("1")
public record CycleLinkRecorded(@DataOwner String sessionId, String entryId, String authorId, String step, CycleLink link, int intensity, CycleMove move, @PersonalData String words) {
}
