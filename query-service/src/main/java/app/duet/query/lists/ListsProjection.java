package app.duet.query.lists;

import app.duet.api.lists.FindMyListItems;
import app.duet.api.lists.ListItemDropped;
import app.duet.api.lists.ListItemKept;
import app.duet.api.lists.ListItemShared;
import app.duet.api.lists.ListItemView;
import app.duet.query.live.LiveViews;
import app.duet.query.pairing.CoupleOverviews;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/**
 * The partners' lists: an item kept is its author's alone, read only by them ({@link FindMyListItems});
 * shared, it joins the couple overview.
 */
@Component
@ProcessingGroup(LiveViews.PROCESSING_GROUP)
public class ListsProjection {

    private final CoupleOverviews overviews;

    public ListsProjection(CoupleOverviews overviews) {
        this.overviews = overviews;
    }

    /** A kept item is its author's alone: nothing is pushed and the version stays, as for session drafts. */
    @EventHandler
    public void on(ListItemKept event, @SequenceNumber long sequence, @Timestamp Instant at) {
        overviews.updateQuietly(event.coupleId(), sequence, c -> c.keepPrivately(new ListItemView(event.itemId(),
                event.authorId(), event.list(), event.words(), at, null)));
    }

    @EventHandler
    public void on(ListItemShared event, @SequenceNumber long sequence, @Timestamp Instant at, ReplayStatus replay) {
        overviews.update(event.coupleId(), sequence, replay, c -> c.takePrivateItem(event.authorId(), event.itemId())
                .ifPresent(item -> c.addSharedItem(new ListItemView(item.itemId(), item.authorId(), item.list(),
                        item.words(), item.keptAt(), at))));
    }

    /** Dropping an item never shared changes only its author's list: nothing is pushed then. */
    @EventHandler
    public void on(ListItemDropped event, @SequenceNumber long sequence, ReplayStatus replay) {
        overviews.updateIfVisible(event.coupleId(), sequence, replay,
                c -> c.dropListItem(event.itemId(), event.authorId()));
    }

    @QueryHandler
    public List<ListItemView> handle(FindMyListItems query) {
        return overviews.privateItemsOf(query.coupleId(), query.authorId());
    }
}
