package app.duet.identity.issuer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Forgets authorizations nothing can use any more (their refresh token, or else their access token
 * or code, has expired), every {@code duet.identity.purge-every}: every sign-in adds one, and the
 * table would otherwise keep them all; with them go the refresh tokens they had spent. A thread of its own, as the idempotency keys' purge has.
 */
@Component
public class ExpiredAuthorizations implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ExpiredAuthorizations.class);

    private final JdbcClient jdbc;
    private final Duration every;
    private volatile ScheduledExecutorService purger;

    ExpiredAuthorizations(JdbcClient jdbc, @Value("${duet.identity.purge-every:1h}") Duration every) {
        this.jdbc = jdbc;
        this.every = every;
    }

    /** Deletes the authorizations that expired before {@code now}; returns how many. */
    public int purge(Instant now) {
        try {
            int purged = jdbc.sql("DELETE FROM oauth2_authorization WHERE COALESCE(refresh_token_expires_at, "
                            + "access_token_expires_at, authorization_code_expires_at) < :now")
                    // As the authorization service writes its instants: java.sql.Timestamp.from.
                    .param("now", java.sql.Timestamp.from(now)).update();
            jdbc.sql("DELETE FROM spent_refresh_token WHERE authorization_id NOT IN (SELECT id FROM oauth2_authorization)").update();
            return purged;
        } catch (DataAccessException unavailable) {
            log.warn("Could not purge expired authorizations; trying again in {}: {}", every, unavailable.getMessage());
            return 0;
        }
    }

    @Override
    public void start() {
        purger = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "authorizations-purge");
            thread.setDaemon(true);
            return thread;
        });
        purger.scheduleWithFixedDelay(() -> purge(Instant.now()), every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
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
