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
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
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
 * A read that found nothing is handed on, for a moment only, to streams that have heard no later bell
 * than its reader had before reading: a stream told "nothing yet" goes to wait for the next bell, so
 * it must have looked after the bell it last heard (and a stream polling on its own, a lost bell's
 * cover, soon reads for itself). A failed read is never handed on. At most {@code keep} events are
 * held, the eldest reads forgotten first; a stream further behind reads on its own.
 */
final class SharedReads {

    /** The position before the first event, which has no token. */
    private static final Object START = new Object();

    /** How long a read that found nothing is handed on: the streams one bell wakes ask within it. */
    private static final long NOTHING_HANDED_ON_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    /** Positions read bare at most remembered; a few at any time, one per stream at the head. */
    private static final int MOST_NOTHINGS = 64;

    private final int keep;
    private final LongSupplier nanoClock;
    /** By the position each read started after; guarded by this. */
    private final Map<Object, Read> reads = new LinkedHashMap<>();
    /** Positions after which a read found nothing, by when and after which bell; guarded by this. */
    private final Map<Object, Nothing> nothingAt = new HashMap<>();
    /** Every kept event by its position: the rest of its read is what comes after it; guarded by this. */
    private final Map<TrackingToken, Rest> kept = new HashMap<>();
    private int held;

    /** One read, and the last bell its reader had heard before it began. */
    private record Read(CompletableFuture<List<TrackedEventMessage<?>>> outcome, long heard) {
    }

    private record Nothing(long heard, long atNanos) {
    }

    /** The events of one read after the one at {@code index}. */
    private record Rest(List<TrackedEventMessage<?>> read, int index) {
        List<TrackedEventMessage<?>> events() {
            return read.subList(index + 1, read.size());
        }
    }

    SharedReads(int keep) {
        this(keep, System::nanoTime);
    }

    SharedReads(int keep, LongSupplier nanoClock) {
        this.keep = keep;
        this.nanoClock = nanoClock;
    }

    /**
     * The events after {@code position}, for a stream that has heard the bell up to {@code heard}:
     * another stream's read of it, or {@code read} run now and kept for the others.
     */
    List<TrackedEventMessage<?>> after(TrackingToken position, long heard, Supplier<List<TrackedEventMessage<?>>> read) {
        Object key = Objects.requireNonNullElse((Object) position, START);
        Read earlier;
        CompletableFuture<List<TrackedEventMessage<?>>> mine = new CompletableFuture<>();
        synchronized (this) {
            Rest rest = position == null ? null : kept.get(position);
            if (rest != null && rest.index() < rest.read().size() - 1 && !reads.containsKey(key)) {
                return rest.events();
            }
            Nothing nothing = nothingAt.get(key);
            if (nothing != null && heard <= nothing.heard() && nanoClock.getAsLong() - nothing.atNanos() < NOTHING_HANDED_ON_NANOS) {
                return List.of();
            }
            earlier = reads.putIfAbsent(key, new Read(mine, heard));
        }
        if (earlier != null) {
            List<TrackedEventMessage<?>> shared = outcome(earlier.outcome());
            boolean stillNothing = shared != null && shared.isEmpty() && heard <= earlier.heard();
            return shared != null && (!shared.isEmpty() || stillNothing) ? shared : read.get();
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
            foundNothing(key, mine, heard);
        } else {
            keep(key, events);
        }
        mine.complete(events);
        return events;
    }

    /** How many events are held now. */
    synchronized int held() {
        return held;
    }

    private synchronized void forget(Object key, CompletableFuture<List<TrackedEventMessage<?>>> read) {
        reads.computeIfPresent(key, (position, kept) -> kept.outcome() == read ? null : kept);
    }

    private synchronized void foundNothing(Object key, CompletableFuture<List<TrackedEventMessage<?>>> read, long heard) {
        forget(key, read);
        if (nothingAt.size() >= MOST_NOTHINGS) {
            nothingAt.clear();
        }
        nothingAt.put(key, new Nothing(heard, nanoClock.getAsLong()));
    }

    private synchronized void keep(Object key, List<TrackedEventMessage<?>> read) {
        nothingAt.remove(key);
        held += read.size();
        for (int index = 0; index < read.size(); index++) {
            kept.put(read.get(index).trackingToken(), new Rest(read, index));
        }
        Iterator<Read> eldestFirst = reads.values().iterator();
        while (held > keep && eldestFirst.hasNext()) {
            List<TrackedEventMessage<?>> events = eldestFirst.next().outcome().getNow(null);
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
