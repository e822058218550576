package app.duet.api.session;

import app.duet.api.privacy.DataOwner;
import app.duet.api.privacy.PersonalData;
import org.axonframework.serialization.Revision;

/**
 * A private text entry, new or rewritten, at a step of the exercise: for its author's eyes only
 * until the step's sharing lets it out. Revision 1 had no step; it reads as a free note.
 */
@Revision("2")
public record DraftWritten(@DataOwner String sessionId, String entryId, String authorId, String step, @PersonalData String text) {
}
