package app.duet.api.session;

import java.time.Instant;

/** A shared entry, as everyone in the session sees it. */
public record EntryView(String entryId, String authorId, String text, Instant sharedAt) {
}
