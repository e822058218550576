package app.duet.api.lists;

import org.axonframework.serialization.Revision;

/** An item is off its author's list; the event that put it there stays. */
@Revision("1")
public record ListItemDropped(String coupleId, String itemId, String authorId) {
}
