package app.duet.command.deadlines;

import com.github.kagkarlsson.scheduler.Scheduler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

/**
 * db-scheduler looks for due deadlines once per polling interval: right for a bid's window of hours,
 * but a countdown of a few seconds would end up to an interval late. A deadline due before the next
 * poll is looked for again at its instant, by the instance that set it; db-scheduler still runs it
 * once, whichever instance picks it. Should that instance stop first, the deadline is in the table,
 * and the next poll of any instance finds it, as it finds every other.
 */
@Component
class DueSoonDeadlines implements SmartInitializingSingleton, DisposableBean {

    /** A moment after the due instant, so the check never runs just before it. */
    private static final Duration MARGIN = Duration.ofMillis(20);

    private final DeadlineManager deadlines;
    private final ObjectProvider<Scheduler> scheduler;
    private final Duration pollingInterval;
    private final ScheduledExecutorService alarms = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "deadlines-due-soon");
        thread.setDaemon(true);
        return thread;
    });

    DueSoonDeadlines(DeadlineManager deadlines, ObjectProvider<Scheduler> scheduler,
                     @Value("${db-scheduler.polling-interval:10s}") Duration pollingInterval) {
        this.deadlines = deadlines;
        this.scheduler = scheduler;
        this.pollingInterval = pollingInterval;
    }

    @Override
    public void afterSingletonsInstantiated() {
        deadlines.registerDispatchInterceptor(new Alarm());
    }

    /** A deadline message's timestamp is the instant it is due. */
    void scheduled(Instant due, Instant now) {
        Scheduler found = scheduler.getIfAvailable();
        if (found != null && due.isBefore(now.plus(pollingInterval))) {
            long delay = Math.max(0, Duration.between(now, due).plus(MARGIN).toMillis());
            alarms.schedule(found::triggerCheckForDueExecutions, delay, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void destroy() {
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
