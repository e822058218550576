package app.duet.command.lists;

import app.duet.api.lists.DropListItem;
import app.duet.api.lists.KeepListItem;
import app.duet.api.lists.ListItemDropped;
import app.duet.api.lists.ListItemKept;
import app.duet.api.lists.ListItemShared;
import app.duet.api.lists.ShareListItem;
import app.duet.command.pairing.Pairing;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.util.HashSet;
import java.util.Set;
import java.io.Serializable;

import static app.duet.command.RuleViolation.require;
import static app.duet.command.RuleViolation.requireWords;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** Each partner's own lists (needs, boundaries, deal-breakers): private until its author shares an item. */
public class Lists implements Serializable {

    private final String coupleId;
    private final Pairing pairing;
    /** Items as author/item id: all kept, those shared, and those dropped. */
    private final Set<String> kept = new HashSet<>();
    private final Set<String> shared = new HashSet<>();
    private final Set<String> dropped = new HashSet<>();

    public Lists(String coupleId, Pairing pairing) {
        this.coupleId = coupleId;
        this.pairing = pairing;
    }

    @CommandHandler
    public void handle(KeepListItem command) {
        pairing.requirePartner(command.partnerId());
        require(command.list() != null, "list-required", "Say which list this goes on.");
        requireWords(command.words(), "Put the item into words.");
        require(!kept.contains(item(command.partnerId(), command.itemId())), "duplicate-item",
                "That item is already on your list.");
        apply(new ListItemKept(coupleId, command.itemId(), command.partnerId(), command.list(), command.words()));
    }

    @CommandHandler
    public void handle(ShareListItem command) {
        requireOwnLiveItem(command.partnerId(), command.itemId());
        require(!shared.contains(item(command.partnerId(), command.itemId())), "item-shared",
                "This item is already shared.");
        apply(new ListItemShared(coupleId, command.itemId(), command.partnerId()));
    }

    @CommandHandler
    public void handle(DropListItem command) {
        requireOwnLiveItem(command.partnerId(), command.itemId());
        apply(new ListItemDropped(coupleId, command.itemId(), command.partnerId()));
    }

    private void requireOwnLiveItem(String partnerId, String itemId) {
        pairing.requirePartner(partnerId);
        String key = item(partnerId, itemId);
        require(kept.contains(key), "unknown-item", "You have no such item on your lists.");
        require(!dropped.contains(key), "item-dropped", "This item is off your list.");
    }

    private static String item(String authorId, String itemId) {
        return authorId + "/" + itemId;
    }

    @EventSourcingHandler
    void on(ListItemKept event) {
        kept.add(item(event.authorId(), event.itemId()));
    }

    @EventSourcingHandler
    void on(ListItemShared event) {
        shared.add(item(event.authorId(), event.itemId()));
    }

    @EventSourcingHandler
    void on(ListItemDropped event) {
        dropped.add(item(event.authorId(), event.itemId()));
    }
}
