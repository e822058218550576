package app.duet.command;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.AbstractRetryScheduler;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Waits before retrying a command that lost a race for its stream: a random time up to a bound that
 * doubles with each failure ("full jitter"). A fixed wait let two instances whose commands collided
 * retry in step and collide again until the retries ran out (one of 80 racing bids answered 409).
 */
final class SpreadRetries extends AbstractRetryScheduler {

    private final long firstBoundMillis;
    private final long largestBoundMillis;

    private SpreadRetries(Builder builder) {
        super(builder);
        this.firstBoundMillis = builder.firstBoundMillis;
        this.largestBoundMillis = builder.largestBoundMillis;
    }

    static Builder builder() {
        return new Builder();
    }

    @Override
    protected long computeRetryInterval(CommandMessage commandMessage, RuntimeException lastFailure,
                                        List<Class<? extends Throwable>[]> failures) {
        return waitAfter(failures.size());
    }

    /** At least one millisecond, so a retry never runs before the winner's commit is visible. */
    long waitAfter(int failuresSoFar) {
        int doublings = Math.min(Math.max(failuresSoFar - 1, 0), 20);
        long bound = Math.min(largestBoundMillis, firstBoundMillis << doublings);
        return 1 + ThreadLocalRandom.current().nextLong(bound);
    }

    static final class Builder extends AbstractRetryScheduler.Builder<Builder> {

        private long firstBoundMillis = 20;
        private long largestBoundMillis = 400;

        Builder firstBoundMillis(long millis) {
            this.firstBoundMillis = millis;
            return this;
        }

        Builder largestBoundMillis(long millis) {
            this.largestBoundMillis = millis;
            return this;
        }

        SpreadRetries build() {
            validate();
            if (firstBoundMillis < 1 || largestBoundMillis < firstBoundMillis) {
                throw new IllegalArgumentException("retry bounds must be positive and grow");
            }
            return new SpreadRetries(this);
        }
    }
}
