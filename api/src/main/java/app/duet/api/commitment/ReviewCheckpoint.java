package app.duet.api.commitment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** The therapist reviews one check-point of a commitment that was made. */
public record ReviewCheckpoint(@TargetAggregateIdentifier String coupleId, String therapistId, String commitmentId, LocalDate checkpoint, CheckpointOutcome outcome) {
}
