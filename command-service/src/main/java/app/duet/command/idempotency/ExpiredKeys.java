package app.duet.command.idempotency;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Forgets idempotency keys older than {@code duet.idempotency.retention} (24 hours unless set),
 * every {@code duet.idempotency.purge-every}. Each instance purges; deleting the same old rows twice
 * is harmless. A thread of its own, not Spring's scheduling, which would pick up the command retry
 * executor as its scheduler.
 */
@Component
class ExpiredKeys implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ExpiredKeys.class);

    private final KeyRecords records;
    private final Duration retention;
    private final Duration every;
    private volatile ScheduledExecutorService purger;

    ExpiredKeys(KeyRecords records, @Value("${duet.idempotency.retention:24h}") Duration retention,
                @Value("${duet.idempotency.purge-every:1h}") Duration every) {
        this.records = records;
        this.retention = retention;
        this.every = every;
    }

    /** Deletes the keys past retention now; returns how many. */
    int purge() {
        try {
            return records.forgetCreatedBefore(Instant.now().minus(retention));
        } catch (DataAccessException unavailable) {
            log.warn("Could not purge expired idempotency keys; trying again in {}: {}", every, unavailable.getMessage());
            return 0;
        }
    }

    @Override
    public void start() {
        purger = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "idempotency-keys-purge");
            thread.setDaemon(true);
            return thread;
        });
        purger.scheduleWithFixedDelay(this::purge, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (purger != null) {
            purger.shutdownNow();
            purger = null;
        }
    }

    @Override
    public boolean isRunning() {
        return purger != null;
    }
}
