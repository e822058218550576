package app.duet.query.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Holds scheduled frames until the test runs them; remembers every delay and whether it was cancelled. */
final class ManualScheduler implements Replays.Scheduler {

    final List<Long> delays = new ArrayList<>();
    final List<Runnable> pending = new ArrayList<>();
    final List<Boolean> cancelled = new ArrayList<>();

    @Override
    public ScheduledFuture<?> schedule(Runnable frame, long delayNanos) {
        delays.add(delayNanos);
        pending.add(frame);
        cancelled.add(false);
        int index = pending.size() - 1;
        return new NoFuture(() -> cancelled.set(index, true));
    }

    void runNext() {
        for (int i = 0; i < pending.size(); i++) {
            if (pending.get(i) != null) {
                Runnable frame = pending.get(i);
                pending.set(i, null);
                if (!cancelled.get(i)) {
                    frame.run();
                }
                return;
            }
        }
    }

    boolean nothingPending() {
        return pending.stream().allMatch(java.util.Objects::isNull);
    }

    /** A scheduled frame that can only be cancelled. */
    private record NoFuture(Runnable onCancel) implements ScheduledFuture<Object> {
        @Override
        public long getDelay(TimeUnit unit) {
            return 0;
        }

        @Override
        public int compareTo(Delayed other) {
            return 0;
        }

        @Override
        public boolean cancel(boolean mayInterrupt) {
            onCancel.run();
            return true;
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public boolean isDone() {
            return false;
        }

        @Override
        public Object get() {
            return null;
        }

        @Override
        public Object get(long timeout, TimeUnit unit) {
            return null;
        }
    }
}
