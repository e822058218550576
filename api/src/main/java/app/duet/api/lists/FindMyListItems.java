package app.duet.api.lists;

/** Asks for a partner's own list items that they have not shared. */
public record FindMyListItems(String coupleId, String authorId) {
}
