package app.duet.query.analytics;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** The replays' one thread: each frame at its time, and the keeping of leases at a steady beat. */
final class ReplayTimer implements Replays.Scheduler {

    private final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
        Thread thread = new Thread(runnable, "duet-replays");
        thread.setDaemon(true);
        return thread;
    });

    ReplayTimer() {
        // Stopped, it runs no frame still waiting: another instance plays those.
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.setRemoveOnCancelPolicy(true);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable frame, long delayNanos) {
        return executor.schedule(frame, delayNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void repeat(Runnable task, Duration every) {
        executor.scheduleWithFixedDelay(task, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Lets the frame being pushed go out, then runs nothing more. */
    @Override
    public void stop() throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }
}
