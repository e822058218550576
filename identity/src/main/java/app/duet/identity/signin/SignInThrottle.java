package app.duet.identity.signin;

import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing without handing anyone a way to lock others out. Wrong passwords are
 * counted per network source and e-mail address together: after {@value #MAX_FAILURES} within
 * {@link #WINDOW}, that source waits before trying that address again, {@link #FIRST_WAIT} at first
 * and twice as long with each further miss, up to the window. The address itself is never locked, so
 * the person, signing in from their own device, is not kept out by someone guessing elsewhere. After
 * {@value #MAX_FAILURES_PER_SOURCE} misses from one source (guessing across many accounts) that source
 * waits out the window. Kept in memory, forgetting what has aged out.
 */
@Component
public class SignInThrottle {

    static final int MAX_FAILURES = 5;
    static final int MAX_FAILURES_PER_SOURCE = 30;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration FIRST_WAIT = Duration.ofSeconds(30);

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    public SignInThrottle() {
        this(Clock.systemUTC());
    }

    SignInThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long this source must wait before trying this address again; zero when it may try now. */
    public Duration waitFor(String email, String source) {
        Instant now = clock.instant();
        Duration pair = backOff(recent(pairKey(email, source)), now);
        Deque<Instant> fromSource = recent(sourceKey(source));
        Duration wholeSource = fromSource.size() >= MAX_FAILURES_PER_SOURCE
                ? positive(Duration.between(now, fromSource.peekLast().plus(WINDOW))) : Duration.ZERO;
        return pair.compareTo(wholeSource) >= 0 ? pair : wholeSource;
    }

    public boolean isLocked(String email, String source) {
        return !waitFor(email, source).isZero();
    }

    public void failed(String email, String source) {
        for (String key : new String[]{pairKey(email, source), sourceKey(source)}) {
            Deque<Instant> recent = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
            synchronized (recent) {
                forgetOld(recent);
                recent.addLast(clock.instant());
            }
        }
        failures.entrySet().removeIf(entry -> {
            synchronized (entry.getValue()) {
                forgetOld(entry.getValue());
                return entry.getValue().isEmpty();
            }
        });
    }

    public void succeeded(String email, String source) {
        failures.remove(pairKey(email, source));
    }

    /** After the allowed misses, each further one doubles the wait from the last, up to the window. */
    private static Duration backOff(Deque<Instant> recent, Instant now) {
        if (recent.size() < MAX_FAILURES) {
            return Duration.ZERO;
        }
        int beyond = Math.min(recent.size() - MAX_FAILURES, 10);
        Duration wait = FIRST_WAIT.multipliedBy(1L << beyond);
        Duration capped = wait.compareTo(WINDOW) > 0 ? WINDOW : wait;
        return positive(Duration.between(now, recent.peekLast().plus(capped)));
    }

    private Deque<Instant> recent(String key) {
        Deque<Instant> recent = failures.get(key);
        if (recent == null) {
            return new ArrayDeque<>();
        }
        synchronized (recent) {
            forgetOld(recent);
            return new ArrayDeque<>(recent);
        }
    }

    private void forgetOld(Deque<Instant> recent) {
        Instant cutoff = clock.instant().minus(WINDOW);
        while (!recent.isEmpty() && recent.peekFirst().isBefore(cutoff)) {
            recent.removeFirst();
        }
    }

    private static Duration positive(Duration wait) {
        return wait.isNegative() ? Duration.ZERO : wait;
    }

    private static String pairKey(String email, String source) {
        return sourceKey(source) + "|" + (email == null ? "" : email.strip().toLowerCase(Locale.ROOT));
    }

    private static String sourceKey(String source) {
        return "source:" + source;
    }
}
