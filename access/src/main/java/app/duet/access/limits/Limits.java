package app.duet.access.limits;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

import java.time.Duration;
import java.util.function.BiFunction;

/**
 * Token buckets by name, kept where every instance of a service sees the same ones: in PostgreSQL
 * where the services run on it ({@link SharedBuckets}), in this process where there is only one
 * ({@link LocalBuckets}, standalone). A bucket nobody has touched for as long as it takes to refill
 * is forgotten in both, so the store holds only the people and sources that are sending now.
 */
public final class Limits implements AutoCloseable {

    private final BiFunction<String, BucketConfiguration, Bucket> buckets;
    private final String where;
    private final Runnable onClose;

    Limits(BiFunction<String, BucketConfiguration, Bucket> buckets, String where, Runnable onClose) {
        this.buckets = buckets;
        this.where = where;
        this.onClose = onClose;
    }

    /** Buckets in this process only, each forgotten after {@code idleFor} untouched (standalone, tests). */
    public static Limits inThisProcess(Duration idleFor) {
        return LocalBuckets.keptFor(idleFor);
    }

    /** Takes one from {@code key}'s bucket (e.g. {@code commands:<account>}), made at {@code rate} if new. */
    public Verdict take(String key, Rate rate) {
        ConsumptionProbe probe = buckets.apply(key, configuration(rate)).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Verdict.ALLOWED : new Verdict(false, Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** Gives one back to {@code key}'s bucket, as far as it holds: for limits on what is open at once. */
    public void giveBack(String key, Rate rate) {
        buckets.apply(key, configuration(rate)).addTokens(1);
    }

    /** Where the buckets are kept, for the log at start. */
    public String where() {
        return where;
    }

    @Override
    public void close() {
        onClose.run();
    }

    static BucketConfiguration configuration(Rate rate) {
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(rate.amount()).refillGreedy(rate.amount(), rate.period()))
                .build();
    }
}
