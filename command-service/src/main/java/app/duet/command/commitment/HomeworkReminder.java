package app.duet.command.commitment;

import app.duet.command.deadlines.OwnedDeadline;

/**
 * The deadline that reminds the partners of homework due soon, in the couple's aggregate. Stored with
 * the deadline by its class name: renaming or moving this record strands the deadlines already scheduled.
 */
public record HomeworkReminder(String ownerId, String homeworkId) implements OwnedDeadline {

    public static final String NAME = "homework-reminder";
}
