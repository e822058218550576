package app.duet.api.commitment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** The observing therapist sets the couple homework, due on a day. */
public record SetHomework(@TargetAggregateIdentifier String coupleId, String therapistId, String homeworkId, String words, LocalDate dueOn) {
}
