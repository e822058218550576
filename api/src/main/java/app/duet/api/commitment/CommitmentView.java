package app.duet.api.commitment;

import java.time.LocalDate;
import java.util.List;

/** A time-bound commitment as the couple and their therapist see it. */
public record CommitmentView(String commitmentId, String proposedBy, LocalDate startsOn, LocalDate endsOn,
                             LocalDate improvementBy, List<CheckpointView> checkpoints, List<String> acceptedBy,
                             CommitmentStatus status, CommitmentOutcome outcome) {
}
