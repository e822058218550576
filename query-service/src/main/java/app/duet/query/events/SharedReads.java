package app.duet.query.events;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Reads of the event store that every processor's stream shares. All of them follow the same stream,
 * and when new events are committed they all wake together: each ran the same query and deserialized
 * and decrypted the same rows (five times over in standalone, nine with two segments each). Now the
 * first to ask for the events after a position reads them, and the others asking for that position
 * meanwhile or soon after get the same messages, deserialized once. A stream whose position is an
 * event inside a kept read gets the rest of that read: streams that read apart (each started from its
 * own stored token) fall in step at the first event they share, and stay so.
 * <p>
 * A read that found nothing is never handed on: a stream told "nothing yet" goes to wait for the next
 * bell, so it must have looked after the bell it last heard. Nor is a failed one. At most {@code keep}
 * events are held, the eldest reads forgotten first; a stream further behind reads on its own.
 */
final class SharedReads {

    /** The position before the first event, which has no token. */
    private static final Object START = new Object();

    private final int keep;
    /** By the position each read started after; guarded by this. */
    private final Map<Object, CompletableFuture<List<TrackedEventMessage<?>>>> reads = new LinkedHashMap<>();
    /** Every kept event by its position: the rest of its read is what comes after it; guarded by this. */
    private final Map<TrackingToken, Rest> kept = new HashMap<>();
    private int held;

    /** The events of one read after the one at {@code index}. */
    private record Rest(List<TrackedEventMessage<?>> read, int index) {
        List<TrackedEventMessage<?>> events() {
            return read.subList(index + 1, read.size());
        }
    }

    SharedReads(int keep) {
        this.keep = keep;
    }

    /** The events after {@code position}: another stream's read of it, or {@code read} run now and kept for the others. */
    List<TrackedEventMessage<?>> after(TrackingToken position, Supplier<List<TrackedEventMessage<?>>> read) {
        Object key = Objects.requireNonNullElse((Object) position, START);
        CompletableFuture<List<TrackedEventMessage<?>>> earlier;
        CompletableFuture<List<TrackedEventMessage<?>>> mine = new CompletableFuture<>();
        synchronized (this) {
            Rest rest = position == null ? null : kept.get(position);
            if (rest != null && rest.index() < rest.read().size() - 1 && !reads.containsKey(key)) {
                return rest.events();
            }
            earlier = reads.putIfAbsent(key, mine);
        }
        if (earlier != null) {
            List<TrackedEventMessage<?>> shared = outcome(earlier);
            return shared == null || shared.isEmpty() ? read.get() : shared;
        }
        List<TrackedEventMessage<?>> events;
        try {
            events = List.copyOf(read.get());
        } catch (RuntimeException failed) {
            forget(key, mine);
            mine.completeExceptionally(failed);
            throw failed;
        }
        if (events.isEmpty()) {
            forget(key, mine);
        } else {
            keep(events);
        }
        mine.complete(events);
        return events;
    }

    /** How many events are held now. */
    synchronized int held() {
        return held;
    }

    private synchronized void forget(Object key, CompletableFuture<List<TrackedEventMessage<?>>> read) {
        reads.remove(key, read);
    }

    private synchronized void keep(List<TrackedEventMessage<?>> read) {
        held += read.size();
        for (int index = 0; index < read.size(); index++) {
            kept.put(read.get(index).trackingToken(), new Rest(read, index));
        }
        Iterator<CompletableFuture<List<TrackedEventMessage<?>>>> eldestFirst = reads.values().iterator();
        while (held > keep && eldestFirst.hasNext()) {
            List<TrackedEventMessage<?>> events = eldestFirst.next().getNow(null);
            if (events != null && events != read) {
                held -= events.size();
                eldestFirst.remove();
                events.forEach(event -> kept.computeIfPresent(event.trackingToken(), (position, rest) -> rest.read() == events ? null : rest));
            }
        }
    }

    /** What another stream's read found; null if it failed (this stream then reads on its own and meets the failure itself). */
    private static List<TrackedEventMessage<?>> outcome(CompletableFuture<List<TrackedEventMessage<?>>> read) {
        try {
            return read.join();
        } catch (CompletionException failed) {
            return null;
        }
    }
}
