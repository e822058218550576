package app.duet.query.events;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which couple each session belongs to, as a handler has seen it from the session's start: a session's
 * couple never changes, so a later event of the session finds its couple without a query. Bounded: the
 * sessions used least recently are forgotten first, and a handler asks its store for those.
 */
public final class SessionCouples {

    private static final int REMEMBERED = 100_000;

    private final Map<String, String> coupleOfSession = Collections.synchronizedMap(
            new LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                    return size() > REMEMBERED;
                }
            });

    public void started(String sessionId, String coupleId) {
        coupleOfSession.put(sessionId, coupleId);
    }

    public Optional<String> coupleOf(String sessionId) {
        return Optional.ofNullable(coupleOfSession.get(sessionId));
    }

    /** An erased couple's sessions are forgotten. */
    public void forget(String coupleId) {
        coupleOfSession.values().removeIf(coupleId::equals);
    }

    public void clear() {
        coupleOfSession.clear();
    }
}
