package app.duet.query.clinical;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * Something said to therapists alone: a therapist's note (kind NOTE, one reader) or a partner's
 * safety concern (kind SAFETY, the therapists who observed then). {@code readers} is who may ever see it.
 */
@Document("therapist_only")
public record ClinicalRecord(@Id String id, @Indexed String coupleId, Kind kind, String authorId, String text,
                             List<String> readers, Instant at) {

    public enum Kind { NOTE, SAFETY }
}
