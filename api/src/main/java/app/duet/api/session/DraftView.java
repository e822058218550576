package app.duet.api.session;

import app.duet.api.exercise.EntryKind;

import java.time.Instant;

/** One of the signed-in partner's own entries in a session that nobody else sees yet; {@code ready} once marked ready for a reveal. */
public record DraftView(String entryId, String step, EntryKind kind, String text, EntryDetails details, Instant writtenAt, boolean ready) {
}
