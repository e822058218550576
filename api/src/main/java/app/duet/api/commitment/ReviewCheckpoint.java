package app.duet.api.commitment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;

/** The therapist reviews one check-point of a commitment that was made, once its day has come. */
public record ReviewCheckpoint(@TargetAggregateIdentifier String coupleId, String therapistId, String commitmentId,
                               LocalDate checkpoint, CheckpointOutcome outcome, Instant requestedAt) {
}
