package app.duet.api.lists;

import org.axonframework.serialization.Revision;

/** An item of a partner's list is now seen by the couple. */
@Revision("1")
public record ListItemShared(String coupleId, String itemId, String authorId) {
}
