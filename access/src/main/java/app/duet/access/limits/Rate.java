package app.duet.access.limits;

import java.time.Duration;

/**
 * So many a period: a bucket holds {@code amount} (the most that may come at once) and refills it
 * evenly over {@code period}, so a steady sender gets {@code amount / period} and no more.
 */
public record Rate(long amount, Duration period) {

    public Rate {
        if (amount < 1 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("A rate needs at least 1 per a positive period, not " + amount + " per " + period);
        }
    }

    public static Rate perSecond(long amount) {
        return new Rate(amount, Duration.ofSeconds(1));
    }

    public static Rate perMinute(long amount) {
        return new Rate(amount, Duration.ofMinutes(1));
    }

    public static Rate perHour(long amount) {
        return new Rate(amount, Duration.ofHours(1));
    }
}
