package app.duet.api.commitment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/** The observing therapist proposes a time-bound commitment: a span, a date for a marked improvement, check-points. */
public record ProposeCommitment(@TargetAggregateIdentifier String coupleId, String therapistId, String commitmentId, LocalDate startsOn, LocalDate endsOn, LocalDate improvementBy, List<LocalDate> checkpoints) {
}
