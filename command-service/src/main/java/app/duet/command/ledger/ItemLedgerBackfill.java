package app.duet.command.ledger;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Iterator;
import java.util.stream.Stream;

/**
 * Events stored before the ledger existed are entered into it once, before the service takes its
 * first command (the aggregates no longer remember their ids themselves). The claim on the backfill
 * and the ledger's rows commit together, so of several instances starting at once one fills it and
 * the others wait for that and find it done. Entering an event twice changes nothing: should an
 * earlier build have taken commands after this one first started (instances of both running during
 * an upgrade, or a rollback), deleting the claim ({@code lookup_backfill}, {@value #NAME}) makes the
 * next start enter everything again.
 */
@Component
class ItemLedgerBackfill implements SmartInitializingSingleton {

    static final String NAME = "item-ledger";
    private static final Logger log = LoggerFactory.getLogger(ItemLedgerBackfill.class);

    private final EventStorageEngine events;
    private final JdbcItemLedger ledger;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    ItemLedgerBackfill(EventStorageEngine events, JdbcItemLedger ledger, JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.events = events;
        this.ledger = ledger;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public void afterSingletonsInstantiated() {
        transaction.executeWithoutResult(status -> {
            // ON CONFLICT, not a caught duplicate: a failed statement would abort the PostgreSQL transaction.
            int claimed = jdbc.sql("INSERT INTO lookup_backfill (name) VALUES (:name) ON CONFLICT DO NOTHING")
                    .param("name", NAME).update();
            if (claimed == 1) {
                long entered = fill();
                if (entered > 0) {
                    log.info("Entered {} events stored before the item ledger existed into it", entered);
                }
            }
        });
    }

    private long fill() {
        long entered = 0;
        try (Stream<? extends TrackedEventMessage<?>> stored = events.readEvents(null, false)) {
            Iterator<? extends TrackedEventMessage<?>> each = stored.iterator();
            while (each.hasNext()) {
                TrackedEventMessage<?> event = each.next();
                if (ItemLedgerEvents.TYPES.contains(event.getPayloadType())) {
                    ItemLedgerEvents.record(event.getPayload(), ledger);
                    entered++;
                }
            }
        }
        return entered;
    }
}
