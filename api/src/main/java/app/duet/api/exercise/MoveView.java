package app.duet.api.exercise;

import java.time.Instant;
import java.util.List;

/** A softening or re-engagement a partner voiced, and the therapists who confirmed it as a change event. */
public record MoveView(String moveId, String partnerId, ChangeEvent change, String words, Instant voicedAt, List<String> confirmedBy) {
}
