package app.duet.api.commitment;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A check-point of a commitment was reviewed. */
@Revision("1")
public record CheckpointReviewed(String coupleId, String commitmentId, LocalDate checkpoint, CheckpointOutcome outcome, String reviewedBy) {
}
