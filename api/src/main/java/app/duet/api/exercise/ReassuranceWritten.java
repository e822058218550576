package app.duet.api.exercise;

import app.duet.api.privacy.DataOwner;
import app.duet.api.privacy.PersonalData;
import org.axonframework.serialization.Revision;

/** A reassurance answering the partner's need (by that partner's entry id); private until shared. */
@Revision("1")
public record ReassuranceWritten(@DataOwner String sessionId, String entryId, String authorId, String step, String needEntryId, @PersonalData String words) {
}
