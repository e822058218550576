package app.duet.command.commitment;

import app.duet.command.deadlines.OwnedDeadline;

import java.time.LocalDate;

/**
 * The deadline that reminds the partners of a check-point coming up, in the couple's aggregate. Stored
 * with the deadline by its class name: renaming or moving this record strands the deadlines already scheduled.
 */
public record CheckpointReminder(String ownerId, String commitmentId, LocalDate checkpoint) implements OwnedDeadline {

    public static final String NAME = "checkpoint-reminder";
}
