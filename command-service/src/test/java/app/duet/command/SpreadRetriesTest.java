package app.duet.command;

import org.junit.jupiter.api.Test;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpreadRetriesTest {

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    private final SpreadRetries retries = SpreadRetries.builder().retryExecutor(executor)
            .firstBoundMillis(20).largestBoundMillis(400).maxRetryCount(8).build();

    /** Two instances that collided must not wait the same time and collide again. */
    @Test
    void retriesAfterOneCollisionWaitDifferentTimesWithinTheFirstBound() {
        long[] waits = LongStream.range(0, 500).map(i -> retries.waitAfter(1)).toArray();

        assertThat(LongStream.of(waits).min().orElseThrow()).isGreaterThanOrEqualTo(1);
        assertThat(LongStream.of(waits).max().orElseThrow()).isLessThanOrEqualTo(20);
        assertThat(LongStream.of(waits).distinct().count()).isGreaterThan(10);
    }

    @Test
    void theBoundDoublesWithEachFailureUpToTheLargest() {
        assertThat(largestOf(500, 3)).isGreaterThan(20).isLessThanOrEqualTo(80);
        assertThat(largestOf(500, 5)).isGreaterThan(160).isLessThanOrEqualTo(320);
        assertThat(largestOf(500, 40)).isGreaterThan(320).isLessThanOrEqualTo(400);
    }

    @Test
    void boundsThatDoNotGrowAreRefused() {
        assertThatThrownBy(() -> SpreadRetries.builder().retryExecutor(executor)
                .firstBoundMillis(50).largestBoundMillis(10).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    private long largestOf(int samples, int failuresSoFar) {
        return IntStream.range(0, samples).mapToLong(i -> retries.waitAfter(failuresSoFar)).max().orElseThrow();
    }
}
