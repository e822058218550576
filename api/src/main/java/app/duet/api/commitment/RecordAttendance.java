package app.duet.api.commitment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/** The therapist records who came to a therapy session held on a day; whoever did not, missed it. */
public record RecordAttendance(@TargetAggregateIdentifier String coupleId, String therapistId, String meetingId, LocalDate heldOn, List<String> attendedBy) {
}
