package app.duet.command.ledger;

import app.duet.command.WriteModelLookups;
import app.duet.eventstore.privacy.DataKeys;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The ledger in the event store's database, written by this handler in the transaction that appends
 * the events (a subscribing write-model lookup), so it is never behind them.
 */
@Component
@ProcessingGroup(WriteModelLookups.PROCESSING_GROUP)
public class JdbcItemLedger implements ItemLedger, ItemLedgerEvents.Recorder {

    private final JdbcClient jdbc;
    private final DataKeys keys;

    public JdbcItemLedger(JdbcClient jdbc, DataKeys keys) {
        this.jdbc = jdbc;
        this.keys = keys;
    }

    @EventHandler
    void on(Object event) {
        ItemLedgerEvents.record(event, this);
    }

    @Override
    public Optional<Item> find(String ownerId, Kind kind, String itemId) {
        return jdbc.sql("SELECT item_id, addressed_to, closed, missed FROM item_ledger "
                        + "WHERE owner_id = :owner AND kind = :kind AND item_id = :item")
                .param("owner", ownerId).param("kind", kind.name()).param("item", itemId)
                .query(JdbcItemLedger::item)
                .optional();
    }

    @Override
    public List<Item> open(String ownerId, Kind kind) {
        // The primary key's prefix (owner, kind) finds them: a session's few bids.
        return jdbc.sql("SELECT item_id, addressed_to, closed, missed FROM item_ledger "
                        + "WHERE owner_id = :owner AND kind = :kind AND closed = FALSE ORDER BY item_id")
                .param("owner", ownerId).param("kind", kind.name())
                .query(JdbcItemLedger::item)
                .list();
    }

    private static Item item(ResultSet row, int n) throws SQLException {
        State state = !row.getBoolean("closed") ? State.OPEN : row.getBoolean("missed") ? State.MISSED : State.ANSWERED;
        return new Item(row.getString("item_id"), row.getString("addressed_to"), state);
    }

    @Override
    public void add(String ownerId, String coupleId, Kind kind, String itemId, String addressedTo) {
        // A session's data belongs to its couple from its start (the data keys say which), so erasure finds it.
        String couple = coupleId != null ? coupleId : keys.coupleOfOwner(ownerId).orElse(ownerId);
        // ON CONFLICT: entering an event twice (a backfill run again) changes nothing. Two commands using one
        // id cannot both commit: both append to the same aggregate, and the second's sequence number conflicts.
        jdbc.sql("INSERT INTO item_ledger (owner_id, kind, item_id, couple_id, addressed_to) "
                        + "VALUES (:owner, :kind, :item, :couple, :to) ON CONFLICT DO NOTHING")
                .param("owner", ownerId).param("kind", kind.name()).param("item", itemId)
                .param("couple", couple).param("to", addressedTo)
                .update();
    }

    @Override
    public void close(String ownerId, Kind kind, String itemId) {
        jdbc.sql("UPDATE item_ledger SET closed = TRUE WHERE owner_id = :owner AND kind = :kind AND item_id = :item")
                .param("owner", ownerId).param("kind", kind.name()).param("item", itemId)
                .update();
    }

    @Override
    public void miss(String ownerId, Kind kind, String itemId) {
        jdbc.sql("UPDATE item_ledger SET closed = TRUE, missed = TRUE WHERE owner_id = :owner AND kind = :kind AND item_id = :item")
                .param("owner", ownerId).param("kind", kind.name()).param("item", itemId)
                .update();
    }

    @Override
    public void forgetCouple(String coupleId) {
        jdbc.sql("DELETE FROM item_ledger WHERE couple_id = :couple").param("couple", coupleId).update();
    }
}
