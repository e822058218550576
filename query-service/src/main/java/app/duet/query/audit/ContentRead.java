package app.duet.query.audit;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * One read of a couple's content by someone who is not one of its partners. Written when the read
 * happens, never from events: the audit log is a record of its own and no projection reset touches it.
 */
@Document("content_reads")
public record ContentRead(@Id String id, @Indexed String coupleId, String readerId, String readerName,
                          String readerRole, String what, String via, Instant at) {
}
