package app.duet.api.commitment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A partner accepts the commitment as it stands. */
public record AcceptCommitment(@TargetAggregateIdentifier String coupleId, String partnerId, String commitmentId) {
}
