package app.duet.query.events;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SharedReadsTest {

    private final List<Object> storeReads = Collections.synchronizedList(new ArrayList<>());

    @Test
    void streamsAtOnePositionShareOneReadAndItsMessages() {
        SharedReads reads = new SharedReads(100);
        List<TrackedEventMessage<?>> first = reads.after(null, 0, store(null, events(1, 3)));
        List<TrackedEventMessage<?>> second = reads.after(null, 0, store(null, events(1, 3)));

        assertThat(second).isSameAs(first);
        assertThat(storeReads).hasSize(1);
        // Where the streams go on from, each asks again, and the second finds the first's read there too.
        TrackingToken next = first.get(2).trackingToken();
        List<TrackedEventMessage<?>> later = reads.after(next, 0, store(next, events(4, 4)));
        assertThat(reads.after(next, 0, store(next, events(4, 4)))).isSameAs(later);
        assertThat(storeReads).hasSize(2);
    }

    @Test
    void aStreamWhosePositionIsInsideAKeptReadGetsTheRestOfItAndFallsInStep() {
        SharedReads reads = new SharedReads(100);
        List<TrackedEventMessage<?>> first = reads.after(null, 0, store(null, events(1, 5)));
        // Another stream started from its own stored token, at the second event: it gets the last three, read once.
        TrackingToken second = GapAwareTrackingToken.newInstance(2, List.of());
        assertThat(reads.after(second, 0, store(second, events(3, 5)))).containsExactlyElementsOf(first.subList(2, 5));
        assertThat(storeReads).hasSize(1);
        // At the end of the read there is nothing more to hand on: the store is asked.
        TrackingToken last = first.get(4).trackingToken();
        assertThat(reads.after(last, 0, store(last, events(6, 6)))).hasSize(1);
        assertThat(storeReads).hasSize(2);
    }

    @Test
    void aStreamAskingWhileAnotherReadsWaitsForThatRead() throws Exception {
        SharedReads reads = new SharedReads(100);
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService streams = Executors.newFixedThreadPool(2);
        try {
            Future<List<TrackedEventMessage<?>>> first = streams.submit(() -> reads.after(null, 0, () -> {
                reading.countDown();
                await(release);
                return store(null, events(1, 2)).get();
            }));
            assertThat(reading.await(10, TimeUnit.SECONDS)).isTrue();
            Future<List<TrackedEventMessage<?>>> second = streams.submit(() -> reads.after(null, 0, store(null, events(1, 2))));
            release.countDown();
            assertThat(second.get(10, TimeUnit.SECONDS)).isSameAs(first.get(10, TimeUnit.SECONDS));
            assertThat(storeReads).hasSize(1);
        } finally {
            streams.shutdownNow();
        }
    }

    @Test
    void nothingFoundIsHandedOnOnlyToStreamsThatHeardNoLaterBell() {
        SharedReads reads = new SharedReads(100);
        assertThat(reads.after(null, 7, store(null, List.of()))).isEmpty();
        // Woken by the same bell: told "nothing yet" without asking the store again.
        assertThat(reads.after(null, 7, store(null, List.of()))).isEmpty();
        assertThat(storeReads).hasSize(1);
        // A stream that heard a later bell may be looking for what it rang for: it reads.
        assertThat(reads.after(null, 8, store(null, events(1, 1)))).hasSize(1);
        assertThat(storeReads).hasSize(2);
    }

    @Test
    void nothingFoundIsHandedOnForAMomentOnlySoAStreamPollingOnItsOwnReads() {
        AtomicLong nanos = new AtomicLong();
        SharedReads reads = new SharedReads(100, nanos::get);
        reads.after(null, 7, store(null, List.of()));
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(150));
        assertThat(reads.after(null, 7, store(null, events(1, 1)))).hasSize(1);
        assertThat(storeReads).hasSize(2);
    }

    @Test
    void aFailedReadIsNotKeptAndTheNextStreamReadsAgain() {
        SharedReads reads = new SharedReads(100);
        assertThatThrownBy(() -> reads.after(null, 0, () -> {
            throw new IllegalStateException("the store is away");
        })).hasMessage("the store is away");
        assertThat(reads.after(null, 0, store(null, events(1, 2)))).hasSize(2);
        assertThat(storeReads).hasSize(1);
    }

    @Test
    void atMostTheConfiguredNumberOfEventsAreHeldTheEldestReadsForgottenFirst() {
        SharedReads reads = new SharedReads(5);
        List<TrackedEventMessage<?>> first = reads.after(null, 0, store(null, events(1, 3)));
        TrackingToken afterFirst = first.get(2).trackingToken();
        List<TrackedEventMessage<?>> second = reads.after(afterFirst, 0, store(afterFirst, events(4, 6)));

        assertThat(reads.held()).isEqualTo(3);
        // A stream at the second read's position shares it; one still at the start reads on its own.
        assertThat(reads.after(afterFirst, 0, store(afterFirst, events(4, 6)))).isSameAs(second);
        assertThat(reads.after(null, 0, store(null, events(1, 3)))).isNotSameAs(first);
        assertThat(storeReads).hasSize(3);
    }

    private Supplier<List<TrackedEventMessage<?>>> store(TrackingToken after, List<TrackedEventMessage<?>> found) {
        return () -> {
            storeReads.add(after == null ? "start" : after);
            return found;
        };
    }

    private static List<TrackedEventMessage<?>> events(long from, long to) {
        return LongStream.rangeClosed(from, to)
                .<TrackedEventMessage<?>>mapToObj(index -> new GenericTrackedEventMessage<>(
                        GapAwareTrackingToken.newInstance(index, List.of()), GenericEventMessage.asEventMessage("event " + index)))
                .toList();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
