package app.duet.query.events;

import app.duet.access.StoreUnavailable;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The event stream the projections' tracking processors read. Axon's own embedded store learns of
 * events written by another JVM only on its next poll (one second by default); this source reads
 * the storage engine again the moment {@link EventsAppendedSignal} rings, and otherwise once per
 * wait of the processor, which covers a lost notification.
 * <p>
 * While the event store's database cannot be reached, the stream has nothing available rather than
 * failing: a failure would send the processor into Axon's growing back-off (up to a minute), while
 * a wait here ends with the first notification after the database is back
 * ({@link PostgresEventsAppendedListener} rings when it reconnects) or with the next poll.
 * <p>
 * Every processor's stream comes from this one source, and streams at the same position share one
 * read ({@link SharedReads}): two batches' worth of the latest reads are kept for the others.
 */
public class NotifiedEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(NotifiedEventSource.class);

    private final EventStorageEngine storage;
    private final EventsAppendedSignal signal;
    private final int batchSize;
    private final SharedReads reads;

    public NotifiedEventSource(EventStorageEngine storage, EventsAppendedSignal signal, int batchSize) {
        this.storage = storage;
        this.signal = signal;
        this.batchSize = batchSize;
        this.reads = new SharedReads(2 * batchSize);
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new NotifiedStream(trackingToken);
    }

    @Override
    public TrackingToken createTailToken() {
        return storage.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return storage.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return storage.createTokenAt(dateTime);
    }

    private final class NotifiedStream implements BlockingStream<TrackedEventMessage<?>> {

        private final Deque<TrackedEventMessage<?>> buffer = new ArrayDeque<>();
        private TrackingToken lastToken;
        private boolean storeAway;

        private NotifiedStream(TrackingToken startAfter) {
            this.lastToken = startAfter;
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            long deadline = System.nanoTime() + unit.toNanos(timeout);
            while (true) {
                long seen = signal.generation();
                if (!buffer.isEmpty() || readBatch()) {
                    return true;
                }
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return false;
                }
                signal.awaitRingAfter(seen, remaining, TimeUnit.NANOSECONDS);
            }
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            while (!hasNextAvailable(1, TimeUnit.SECONDS)) {
                // keep waiting: the caller asked to block until an event arrives
            }
            TrackedEventMessage<?> next = buffer.poll();
            lastToken = next.trackingToken();
            return next;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            if (buffer.isEmpty()) {
                readBatch();
            }
            return Optional.ofNullable(buffer.peek());
        }

        /** Only called with an empty buffer, so lastToken is the position of everything consumed. */
        private boolean readBatch() {
            try {
                buffer.addAll(reads.after(lastToken, signal.generation(), this::readFromStore));
            } catch (RuntimeException failure) {
                if (!StoreUnavailable.isCause(failure)) {
                    throw failure;
                }
                buffer.clear();
                if (!storeAway) {
                    log.warn("The event store cannot be reached ({}); waiting for it", failure.getMessage());
                }
                storeAway = true;
                return false;
            }
            if (storeAway) {
                log.info("The event store is back; reading on");
                storeAway = false;
            }
            return !buffer.isEmpty();
        }

        private List<TrackedEventMessage<?>> readFromStore() {
            try (Stream<? extends TrackedEventMessage<?>> events = storage.readEvents(lastToken, false)) {
                return events.limit(batchSize).<TrackedEventMessage<?>>map(event -> event).toList();
            }
        }

        /** Rings too, so a processor waiting on this stream notices at once that it is shutting down. */
        @Override
        public void close() {
            buffer.clear();
            signal.ring();
        }
    }
}
