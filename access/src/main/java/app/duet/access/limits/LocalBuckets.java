package app.duet.access.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;

import java.time.Duration;

/**
 * Buckets in this process, for a product that runs as one (standalone, on H2). A bucket left alone
 * for {@code idleFor} (at least the longest refill) would be full again, so it is dropped then: the
 * cache holds the people and sources sending now, never everyone who ever sent.
 */
final class LocalBuckets {

    private static final long MOST_BUCKETS = 1_000_000;

    private LocalBuckets() {
    }

    static Limits keptFor(Duration idleFor) {
        // A ceiling as well, far above what one machine's people and sources need, so no spray of keys grows it without end.
        Cache<String, Bucket> buckets = Caffeine.newBuilder().expireAfterAccess(idleFor).maximumSize(MOST_BUCKETS).build();
        return new Limits((key, configuration) -> buckets.get(key, k -> of(configuration)), "in this process", () -> { });
    }

    private static Bucket of(BucketConfiguration configuration) {
        return Bucket.builder().addLimit(configuration.getBandwidths()[0]).build();
    }
}
