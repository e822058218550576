package app.duet.api.analytics;

import java.time.Instant;
import java.util.Map;

/**
 * One event of a replayed session as an analyst sees it: when it happened, its type, who acted
 * ("A", "B" or "therapist"), and only its enumerations, numbers and step keys: never a word, a
 * name or an id.
 */
public record ReplayFrameView(String replayId, int index, int total, Instant at, String type, String actor,
                          Map<String, Object> details) {
}
