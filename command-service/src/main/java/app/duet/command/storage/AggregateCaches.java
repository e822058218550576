package app.duet.command.storage;

import org.axonframework.common.caching.Cache;

import java.util.List;

/** The aggregate caches of this instance, so an aggregate can be dropped from whichever holds it. */
public final class AggregateCaches {

    private final List<Cache> caches;

    AggregateCaches(List<Cache> caches) {
        this.caches = List.copyOf(caches);
    }

    public void drop(String aggregateId) {
        caches.forEach(cache -> cache.remove(aggregateId));
    }

    /** Whether any cache holds this aggregate (for tests). */
    public boolean holds(String aggregateId) {
        return caches.stream().anyMatch(cache -> cache.containsKey(aggregateId));
    }
}
