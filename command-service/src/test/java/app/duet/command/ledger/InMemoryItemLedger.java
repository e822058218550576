package app.duet.command.ledger;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ledger for aggregate fixtures, whose given events reach no event handler: a test hands them
 * through {@link #knows}, which enters them as the product's handler would, and gives them back.
 */
public class InMemoryItemLedger implements ItemLedger, ItemLedgerEvents.Recorder {

    private record Key(String ownerId, Kind kind, String itemId) {
    }

    private final Map<Key, Item> items = new HashMap<>();
    private final Map<Key, String> couples = new HashMap<>();

    /** Enters the events, in order, and returns them for the fixture's {@code given}. */
    public Object[] knows(Object... events) {
        for (Object event : events) {
            ItemLedgerEvents.record(event, this);
        }
        return events;
    }

    @Override
    public Optional<Item> find(String ownerId, Kind kind, String itemId) {
        return Optional.ofNullable(items.get(new Key(ownerId, kind, itemId)));
    }

    @Override
    public List<Item> open(String ownerId, Kind kind) {
        return items.entrySet().stream()
                .filter(entry -> entry.getKey().ownerId().equals(ownerId) && entry.getKey().kind() == kind && !entry.getValue().closed())
                .map(Map.Entry::getValue)
                .sorted(Comparator.comparing(Item::itemId))
                .toList();
    }

    @Override
    public void add(String ownerId, String coupleId, Kind kind, String itemId, String addressedTo) {
        Key key = new Key(ownerId, kind, itemId);
        items.putIfAbsent(key, new Item(itemId, addressedTo, State.OPEN));
        couples.put(key, coupleId);
    }

    @Override
    public void close(String ownerId, Kind kind, String itemId) {
        items.computeIfPresent(new Key(ownerId, kind, itemId), (key, item) -> new Item(itemId, item.addressedTo(), State.ANSWERED));
    }

    @Override
    public void miss(String ownerId, Kind kind, String itemId) {
        items.computeIfPresent(new Key(ownerId, kind, itemId), (key, item) -> new Item(itemId, item.addressedTo(), State.MISSED));
    }

    @Override
    public void forgetCouple(String coupleId) {
        couples.entrySet().removeIf(entry -> {
            boolean erased = coupleId.equals(entry.getValue()) || coupleId.equals(entry.getKey().ownerId());
            if (erased) {
                items.remove(entry.getKey());
            }
            return erased;
        });
    }
}
