package app.duet.command.deadlines;

import com.github.kagkarlsson.scheduler.Scheduler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

/**
 * db-scheduler looks for due deadlines once per polling interval: right for a bid's window of hours,
 * but a countdown of a few seconds would end up to an interval late. A deadline due before the next
 * poll is looked for again at its instant, by the instance that set it, and by an instance that starts
 * while it is pending; db-scheduler still runs it once, whichever instance picks it. An instance stops
 * looking as it begins to close (it must not pick a deadline it can no longer run); the deadline stays
 * in the table, and the next poll of any instance finds it, as it finds every other.
 */
@Component
class DueSoonDeadlines implements SmartInitializingSingleton {

    /** A moment after the due instant, so the check never runs just before it. */
    private static final Duration MARGIN = Duration.ofMillis(20);

    private final DeadlineManager deadlines;
    private final ObjectProvider<Scheduler> scheduler;
    private final JdbcClient jdbc;
    private final Duration pollingInterval;
    private final ScheduledExecutorService alarms = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "deadlines-due-soon");
        thread.setDaemon(true);
        return thread;
    });

    DueSoonDeadlines(DeadlineManager deadlines, ObjectProvider<Scheduler> scheduler, JdbcClient jdbc,
                     @Value("${db-scheduler.polling-interval:10s}") Duration pollingInterval) {
        this.deadlines = deadlines;
        this.scheduler = scheduler;
        this.jdbc = jdbc;
        this.pollingInterval = pollingInterval;
    }

    @Override
    public void afterSingletonsInstantiated() {
        deadlines.registerDispatchInterceptor(new Alarm());
    }

    /** Deadlines another instance set, still pending, and due before this one's next poll. */
    @EventListener(ApplicationReadyEvent.class)
    void lookForThoseAlreadyPending() {
        if (scheduler.getIfAvailable() == null) {
            return;
        }
        Instant now = Instant.now();
        jdbc.sql("SELECT execution_time FROM scheduled_tasks WHERE picked = FALSE AND execution_time < :soon")
                .param("soon", OffsetDateTime.ofInstant(now.plus(pollingInterval), ZoneOffset.UTC))
                .query(OffsetDateTime.class).list()
                .forEach(due -> scheduled(due.toInstant(), now));
    }

    /** A deadline message's timestamp is the instant it is due. */
    void scheduled(Instant due, Instant now) {
        Scheduler found = scheduler.getIfAvailable();
        if (found != null && due.isBefore(now.plus(pollingInterval))) {
            long delay = Math.max(0, Duration.between(now, due).plus(MARGIN).toMillis());
            try {
                alarms.schedule(found::triggerCheckForDueExecutions, delay, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException closing) {
                // Closing: the next poll of a running instance finds it.
            }
        }
    }

    @EventListener(ContextClosedEvent.class)
    void closing() {
        alarms.shutdownNow();
    }

    private final class Alarm implements MessageDispatchInterceptor<DeadlineMessage<?>> {
        @Override
        public BiFunction<Integer, DeadlineMessage<?>, DeadlineMessage<?>> handle(List<? extends DeadlineMessage<?>> messages) {
            return (index, message) -> {
                scheduled(message.getTimestamp(), Instant.now());
                return message;
            };
        }
    }
}
