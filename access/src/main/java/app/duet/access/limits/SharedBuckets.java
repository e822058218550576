package app.duet.access.limits;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Buckets in a PostgreSQL table, one row each, so every instance of a service draws on the same
 * one: N instances allow what one does, not N times as much. Each take locks its row for the moment
 * it reads and writes it (SELECT … FOR UPDATE). A row is stamped to expire when its bucket would be
 * full again; expired rows are deleted a batch at a time every minute by whichever instance gets to
 * them first (SKIP LOCKED).
 */
final class SharedBuckets {

    private static final Logger log = LoggerFactory.getLogger(SharedBuckets.class);

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> rows;
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "duet-limits-sweeper");
        thread.setDaemon(true);
        return thread;
    });

    private SharedBuckets(DataSource database, String table) {
        this.rows = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(database)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table(table)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                .build();
        sweeper.scheduleWithFixedDelay(this::sweep, 1, 1, TimeUnit.MINUTES);
    }

    static Limits in(DataSource database, String table) {
        SharedBuckets buckets = new SharedBuckets(database, table);
        return new Limits((key, configuration) -> buckets.rows.getProxy(key, () -> configuration),
                "in PostgreSQL, table " + table, buckets.sweeper::shutdownNow);
    }

    private void sweep() {
        try {
            int removed;
            do {
                removed = rows.removeExpired(1000);
            } while (removed == 1000);
        } catch (RuntimeException unavailable) {
            log.debug("Expired limit buckets stay until the next sweep: {}", unavailable.getMessage());
        }
    }
}
