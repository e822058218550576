package app.duet.api.clinical;

import app.duet.api.privacy.DataOwner;
import app.duet.api.privacy.PersonalData;
import org.axonframework.serialization.Revision;

/** A therapist's private note about a couple: for that therapist's eyes only. */
@Revision("1")
public record TherapistNoteWritten(@DataOwner String coupleId, String noteId, String therapistId,
                                   @PersonalData String text) {
}
