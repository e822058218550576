package app.duet.query.live;

import org.springframework.data.annotation.Transient;
import org.springframework.data.repository.CrudRepository;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The items of a view's growing lists as the view's document knows them. The items are stored one
 * document each, apart from the view's document, which would otherwise grow with every item; the
 * document keeps the order of the next one. Those a change added, changed or removed are held, each
 * with what it was, until the document is stored: a push compares only them, never every item.
 *
 * @param <I> an item as stored
 * @param <R> how the document reads its stored items
 */
public abstract class HeldItems<I extends HeldItems.Item, R extends HeldItems.Reader<I>> {

    /** What a stored item says of itself; a record with these components is one. */
    public interface Item {

        String id();

        String list();

        long order();
    }

    /** Reads a view's stored items; each view adds the reads it needs. */
    public interface Reader<I> {

        Optional<I> find(String id);
    }

    /** One item a change touched: as it was stored (null if new) and as it is now (null if removed). */
    private record Change<I>(I was, I now) {
    }

    /** What a change added or changed, to store, and the ids of what it removed, to delete. */
    public record Changed<I>(List<I> toSave, List<String> toDelete) {

        /** Stored again, they are the same documents: an event delivered again writes nothing new. */
        public void storeIn(CrudRepository<I, String> items) {
            items.saveAll(toSave);
            if (!toDelete.isEmpty()) {
                items.deleteAllById(toDelete);
            }
        }
    }

    /** The order of the next item added. */
    protected long added;
    @Transient
    protected R stored;
    @Transient
    private final Map<String, Change<I>> changed = new LinkedHashMap<>();

    protected HeldItems(R none) {
        this.stored = none;
    }

    public void readFrom(R reader) {
        this.stored = reader;
    }

    protected long nextOrder() {
        return added++;
    }

    /** A new item. */
    protected void add(I item) {
        changed.put(item.id(), new Change<>(null, item));
    }

    /** An item found by {@link #find}, changed. */
    protected void replace(I was, I now) {
        changed.merge(was.id(), new Change<>(was, now), (held, change) -> new Change<>(held.was(), now));
    }

    /** An item found by {@link #find}, gone. */
    protected void remove(I was) {
        changed.merge(was.id(), new Change<>(was, null), (held, change) -> new Change<>(held.was(), null));
    }

    /** An item to store again as it is, by a document of an earlier build that kept it in itself: nothing to push. */
    protected void keepAsStored(I item) {
        changed.put(item.id(), new Change<>(item, item));
    }

    /** The item as this change leaves it: held if touched, else as stored. */
    protected Optional<I> find(String id) {
        Change<I> held = changed.get(id);
        return held != null ? Optional.ofNullable(held.now()) : stored.find(id);
    }

    /** A list's stored items overlaid with the held changes, in the list's order. */
    protected List<I> merged(String list, List<I> storedItems) {
        Map<String, I> byId = new LinkedHashMap<>();
        storedItems.forEach(item -> byId.put(item.id(), item));
        changed.forEach((id, change) -> {
            if (change.now() != null && change.now().list().equals(list)) {
                byId.put(id, change.now());
            } else if (change.now() == null && change.was().list().equals(list)) {
                byId.remove(id);
            }
        });
        return byId.values().stream().sorted(Comparator.comparingLong(Item::order)).toList();
    }

    /** The held items of a list as they were before the changes (previous) or are after them, in order. */
    protected List<I> touched(String list, boolean previous) {
        return changed.values().stream().map(change -> previous ? change.was() : change.now())
                .filter(Objects::nonNull).filter(item -> item.list().equals(list))
                .sorted(Comparator.comparingLong(Item::order)).toList();
    }

    /** What the changes left to store; then nothing is held. */
    public Changed<I> takeChanged() {
        List<I> toSave = new ArrayList<>();
        List<String> toDelete = new ArrayList<>();
        changed.forEach((id, change) -> {
            if (change.now() == null) {
                toDelete.add(id);
            } else {
                toSave.add(change.now());
            }
        });
        changed.clear();
        return new Changed<>(List.copyOf(toSave), List.copyOf(toDelete));
    }
}
