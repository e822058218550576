package app.duet.api.session;

import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * Both partners' answers at a step became visible to both at the same instant: the end of the
 * countdown that started when both were ready. {@code revealedBy} is the partner who pressed
 * "reveal" in sessions stored before reveals counted down; null since.
 */
@Revision("1")
public record AnswersRevealed(String sessionId, String step, String revealedBy, List<RevealedEntry> entries) {

    /** One answer let out by the reveal, by its author's entry id. */
    public record RevealedEntry(String authorId, String entryId) {
    }
}
