package app.duet.query.events;

import app.duet.eventstore.EventStoreSchema;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.SmartLifecycle;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Listens on the PostgreSQL channel that the event table's trigger notifies on each commit, and
 * rings the signal. Holds one dedicated connection of its own (a pooled one could be recycled under
 * it); after losing it, it tries again a second later and rings once, in case events arrived meanwhile.
 */
class PostgresEventsAppendedListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PostgresEventsAppendedListener.class);
    private static final int POLL_MILLIS = 500;
    private static final long RECONNECT_SECONDS = 1;

    private final DataSourceProperties database;
    private final EventsAppendedSignal signal;
    private volatile boolean running;
    private ScheduledExecutorService listener;

    PostgresEventsAppendedListener(DataSourceProperties database, EventsAppendedSignal signal) {
        this.database = database;
        this.signal = signal;
    }

    @Override
    public void start() {
        running = true;
        listener = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "events-appended-listener");
            thread.setDaemon(true);
            return thread;
        });
        listener.execute(this::listenUntilLost);
    }

    private void listenUntilLost() {
        try (Connection connection = DriverManager.getConnection(database.determineUrl(),
                database.determineUsername(), database.determinePassword());
             Statement statement = connection.createStatement()) {
            statement.execute("LISTEN " + EventStoreSchema.EVENTS_APPENDED_CHANNEL);
            PGConnection postgres = connection.unwrap(PGConnection.class);
            log.info("Listening for appended events on PostgreSQL channel {}", EventStoreSchema.EVENTS_APPENDED_CHANNEL);
            signal.ring();
            while (running) {
                PGNotification[] notifications = postgres.getNotifications(POLL_MILLIS);
                if (notifications != null && notifications.length > 0) {
                    signal.ring();
                }
            }
        } catch (SQLException lost) {
            if (running) {
                log.warn("Lost the events-appended channel ({}); reconnecting", lost.getMessage());
                listener.schedule(this::listenUntilLost, RECONNECT_SECONDS, TimeUnit.SECONDS);
            }
        }
    }

    @Override
    public void stop() {
        running = false;
        if (listener != null) {
            listener.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
