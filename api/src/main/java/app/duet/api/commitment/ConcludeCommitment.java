package app.duet.api.commitment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The therapist closes a commitment with its outcome. */
public record ConcludeCommitment(@TargetAggregateIdentifier String coupleId, String therapistId, String commitmentId, CommitmentOutcome outcome) {
}
