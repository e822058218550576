package app.duet.api.commitment;

import org.axonframework.serialization.Revision;

/** A commitment ended with this outcome. */
@Revision("1")
public record CommitmentConcluded(String coupleId, String commitmentId, CommitmentOutcome outcome, String concludedBy) {
}
