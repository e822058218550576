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
 * Slows password guessing: after {@value #MAX_FAILURES} wrong passwords for one e-mail address
 * within {@link #WINDOW}, that address cannot sign in until the window has passed; after
 * {@value #MAX_FAILURES_PER_SOURCE} from one network address, neither can anything from there
 * (guessing across many accounts). Kept in memory, forgetting what has aged out: one issuer
 * instance's count is enough to stop a guessing run against it.
 */
@Component
public class SignInThrottle {

    static final int MAX_FAILURES = 5;
    static final int MAX_FAILURES_PER_SOURCE = 30;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    public SignInThrottle() {
        this(Clock.systemUTC());
    }

    SignInThrottle(Clock clock) {
        this.clock = clock;
    }

    public boolean isLocked(String email, String source) {
        return count(key(email)) >= MAX_FAILURES || count("source:" + source) >= MAX_FAILURES_PER_SOURCE;
    }

    public void failed(String email, String source) {
        for (String key : new String[]{key(email), "source:" + source}) {
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

    private int count(String key) {
        Deque<Instant> recent = failures.get(key);
        if (recent == null) {
            return 0;
        }
        synchronized (recent) {
            forgetOld(recent);
            return recent.size();
        }
    }

    public void succeeded(String email) {
        failures.remove(key(email));
    }

    private void forgetOld(Deque<Instant> recent) {
        Instant cutoff = clock.instant().minus(WINDOW);
        while (!recent.isEmpty() && recent.peekFirst().isBefore(cutoff)) {
            recent.removeFirst();
        }
    }

    private static String key(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}
