package app.duet.query.session;

import app.duet.api.exercise.EntryKind;
import app.duet.query.live.HeldItems;

import java.util.List;
import java.util.Optional;

/** How a session's document reads its bids and entries stored apart ({@link SessionItem}). */
final class SessionItems {

    private SessionItems() {
    }

    interface Reader extends HeldItems.Reader<SessionItem> {

        /** A session that was never stored has none. */
        Reader NONE = new Reader() {
            @Override
            public List<SessionItem> all(String list) {
                return List.of();
            }

            @Override
            public List<SessionItem> cycleLinks() {
                return List.of();
            }

            @Override
            public Optional<SessionItem> find(String id) {
                return Optional.empty();
            }
        };

        List<SessionItem> all(String list);

        /** The shared entries that are links of the loop. */
        List<SessionItem> cycleLinks();
    }

    static Reader of(SessionItemRepository items, String sessionId) {
        return new Reader() {
            @Override
            public List<SessionItem> all(String list) {
                return items.findBySessionIdAndListOrderByOrder(sessionId, list);
            }

            @Override
            public List<SessionItem> cycleLinks() {
                return items.findBySessionIdAndListAndEntryKindOrderByOrder(sessionId, SessionItem.ENTRIES,
                        EntryKind.CYCLE_LINK);
            }

            @Override
            public Optional<SessionItem> find(String id) {
                return items.findById(id);
            }
        };
    }
}
