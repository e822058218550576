package app.duet.api.lists;

import java.time.Instant;

/** An item of a partner's list: seen by the couple once shared, by its author alone before. */
public record ListItemView(String itemId, String authorId, ListKind list, String words, Instant keptAt, Instant sharedAt) {
}
