package app.duet.api.session;

import org.axonframework.serialization.Revision;

/** A draft became a shared entry, final as last written. */
@Revision("1")
public record EntryShared(String sessionId, String entryId, String authorId) {
}
