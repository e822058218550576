package app.duet.api.commitment;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A partner did not come to a therapy session: a sign against commitment. */
@Revision("1")
public record AppointmentMissed(String coupleId, String meetingId, LocalDate heldOn, String partnerId) {
}
