package app.duet.query.events;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A doorbell between "new events were committed" (a PostgreSQL notification, or a commit in this
 * very JVM) and the streams that feed the projections, so they read at once instead of on a poll.
 * Waiters compare generations, so a ring between their read and their wait is never missed.
 */
public class EventsAppendedSignal {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition rung = lock.newCondition();
    private long generation;

    public void ring() {
        lock.lock();
        try {
            generation++;
            rung.signalAll();
        } finally {
            lock.unlock();
        }
    }

    long generation() {
        lock.lock();
        try {
            return generation;
        } finally {
            lock.unlock();
        }
    }

    /** Waits until the bell rang after {@code seenGeneration} was read, or the time is up. */
    void awaitRingAfter(long seenGeneration, long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        lock.lock();
        try {
            while (generation == seenGeneration && nanos > 0) {
                nanos = rung.awaitNanos(nanos);
            }
        } finally {
            lock.unlock();
        }
    }
}
