package app.duet.api.session;

import java.time.Instant;

/** One of the signed-in partner's own drafts in a session, not yet shared. */
public record DraftView(String entryId, String text, Instant writtenAt) {
}
