package app.duet.command.storage;

import org.axonframework.eventsourcing.AggregateCacheEntry;
import java.lang.reflect.Field;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Axon's aggregate cache with a size bound: the least recently used aggregate leaves first, so the
 * heap holds at most {@code capacity} aggregates of a kind however many couples there are. Axon 4 has
 * no bounded cache of its own without a caching library (its {@code WeakReferenceCache} keeps all
 * that the collector has not taken). Entries are never listened to: Axon's repositories do not.
 * <p>
 * An aggregate is served from the cache only while it is at its stream's head ({@link StreamHeads}).
 * Another instance may have appended to the stream since: a command that then appends conflicts on
 * the sequence number and is retried, but one refused on the stale state (a reveal "waiting for
 * your partner" whose answer came through the other instance) appends nothing and would be refused
 * wrongly. Such an entry is dropped and the aggregate read from its snapshot and the events after it.
 */
final class BoundedCache implements Cache {

    private static final Field CACHED_VERSION = cachedVersionField();

    private final Map<Object, Object> entries;
    private final StreamHeads heads;

    BoundedCache(int capacity, StreamHeads heads) {
        this.heads = heads;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        Object entry;
        synchronized (this) {
            entry = entries.get(key);
        }
        if (entry instanceof AggregateCacheEntry<?> cached && !atHead(key, cached)) {
            remove(key);
            return null;
        }
        return (V) entry;
    }

    private boolean atHead(Object key, AggregateCacheEntry<?> cached) {
        try {
            Object version = CACHED_VERSION.get(cached);
            return java.util.Objects.equals(version, heads.headOf(key).orElse(null));
        } catch (IllegalAccessException unreadable) {
            return false;
        }
    }

    /** Axon 4.13 keeps the cached aggregate's version in a field with no getter; a test reads it too. */
    private static Field cachedVersionField() {
        try {
            Field version = AggregateCacheEntry.class.getDeclaredField("version");
            version.setAccessible(true);
            return version;
        } catch (NoSuchFieldException changedInAxon) {
            throw new IllegalStateException("Axon's AggregateCacheEntry no longer has its version field", changedInAxon);
        }
    }

    @Override
    public synchronized void put(Object key, Object value) {
        entries.put(key, value);
    }

    @Override
    public synchronized boolean putIfAbsent(Object key, Object value) {
        return entries.putIfAbsent(key, value) == null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        return (T) entries.computeIfAbsent(key, absent -> valueSupplier.get());
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        entries.computeIfPresent(key, (present, value) -> update.apply((V) value));
    }

    @Override
    public synchronized boolean remove(Object key) {
        return entries.remove(key) != null;
    }

    @Override
    public synchronized void removeAll() {
        entries.clear();
    }

    @Override
    public synchronized boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        throw new UnsupportedOperationException("Duet's aggregate caches take no listeners");
    }
}
