package app.duet.api.commitment;

import java.time.LocalDate;

/** A check-point of a commitment, and how it went once reviewed. */
public record CheckpointView(LocalDate day, CheckpointOutcome outcome) {
}
