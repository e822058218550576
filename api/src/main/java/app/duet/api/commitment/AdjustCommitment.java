package app.duet.api.commitment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** A partner or the therapist moves a commitment's end or improvement date; both partners accept it again. */
public record AdjustCommitment(@TargetAggregateIdentifier String coupleId, String byId, String commitmentId, LocalDate endsOn, LocalDate improvementBy) {
}
