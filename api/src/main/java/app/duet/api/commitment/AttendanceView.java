package app.duet.api.commitment;

import java.time.LocalDate;
import java.util.List;

/** A therapy session held on a day: who came, who missed it. */
public record AttendanceView(String meetingId, LocalDate heldOn, List<String> attendedBy, List<String> missedBy) {
}
