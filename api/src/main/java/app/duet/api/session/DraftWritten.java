package app.duet.api.session;

import app.duet.api.privacy.DataOwner;
import app.duet.api.privacy.PersonalData;
import org.axonframework.serialization.Revision;

/** A private draft entry, new or rewritten: for its author's eyes only. */
@Revision("1")
public record DraftWritten(@DataOwner String sessionId, String entryId, String authorId, @PersonalData String text) {
}
