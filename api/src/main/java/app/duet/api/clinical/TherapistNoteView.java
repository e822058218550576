package app.duet.api.clinical;

import java.time.Instant;

/** One of a therapist's own notes about a couple. */
public record TherapistNoteView(String noteId, String coupleId, String text, Instant writtenAt) {
}
