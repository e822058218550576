package app.duet.api.commitment;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/** A therapy session was held, and these partners came. */
@Revision("1")
public record AppointmentAttended(String coupleId, String meetingId, LocalDate heldOn, List<String> attendedBy, String recordedBy) {
}
