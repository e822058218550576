package app.duet.query.events;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The processors' streams, woken together by one commit, read the event store once between them. */
class NotifiedEventSourceTest {

    private final CountedStore store = new CountedStore();
    private final EventsAppendedSignal signal = new EventsAppendedSignal();
    private final NotifiedEventSource source = new NotifiedEventSource(store, signal, 100);

    @Test
    void twoProcessorsWokenByOneCommitReadTheStoreOnceAndAreToldNothingMoreOnce() throws Exception {
        try (BlockingStream<TrackedEventMessage<?>> liveViews = source.openStream(null);
             BlockingStream<TrackedEventMessage<?>> cycleState = source.openStream(null)) {
            commit("bid made");
            assertThat(liveViews.hasNextAvailable(1, TimeUnit.SECONDS)).isTrue();
            assertThat(cycleState.hasNextAvailable(1, TimeUnit.SECONDS)).isTrue();
            assertThat(cycleState.nextAvailable()).isSameAs(liveViews.nextAvailable());
            assertThat(store.reads).hasValue(1);

            assertThat(liveViews.hasNextAvailable(0, TimeUnit.SECONDS)).isFalse();
            assertThat(cycleState.hasNextAvailable(0, TimeUnit.SECONDS)).isFalse();
            assertThat(store.reads).hasValue(2);

            // The next commit rings again: a stream that heard it reads, never left with the earlier "nothing".
            commit("bid answered");
            assertThat(cycleState.hasNextAvailable(1, TimeUnit.SECONDS)).isTrue();
            assertThat(cycleState.nextAvailable().getPayload()).isEqualTo("bid answered");
        }
    }

    private void commit(String payload) {
        store.appendEvents(GenericEventMessage.asEventMessage(payload));
        signal.ring();
    }

    private static final class CountedStore extends InMemoryEventStorageEngine {
        private final AtomicInteger reads = new AtomicInteger();

        @Override
        public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
            reads.incrementAndGet();
            return super.readEvents(trackingToken, mayBlock);
        }
    }
}
