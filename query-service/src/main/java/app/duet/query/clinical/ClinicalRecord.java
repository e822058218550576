package app.duet.query.clinical;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Something said to therapists alone: a therapist's note (kind NOTE, one reader) or a partner's
 * safety concern (kind SAFETY, the therapists who observed then). {@code readers} is who may ever see it;
 * {@code seenBy} when each of them read a concern (null before any did).
 */
@Document("therapist_only")
public record ClinicalRecord(@Id String id, @Indexed String coupleId, Kind kind, String authorId, String text,
                             List<String> readers, Instant at, Map<String, Instant> seenBy) {

    /** When this reader read it, or null. */
    Instant seenBy(String reader) {
        return seenBy == null ? null : seenBy.get(reader);
    }

    public enum Kind { NOTE, SAFETY }
}
