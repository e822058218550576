package app.duet.api.session;

import app.duet.api.exercise.EntryKind;

import java.time.Instant;

/** A shared or revealed entry, as everyone in the session sees it. */
public record EntryView(String entryId, String authorId, String step, EntryKind kind, String text, EntryDetails details, Instant sharedAt) {
}
