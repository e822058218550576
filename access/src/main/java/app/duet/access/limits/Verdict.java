package app.duet.access.limits;

import java.time.Duration;

/** Whether one more was let through, and if not, how long until one would be. */
public record Verdict(boolean allowed, Duration retryAfter) {

    static final Verdict ALLOWED = new Verdict(true, Duration.ZERO);

    /** Whole seconds, at least one: what a Retry-After header and the words say. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
