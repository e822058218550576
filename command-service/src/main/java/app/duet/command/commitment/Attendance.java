package app.duet.command.commitment;

import app.duet.api.commitment.RecordAttendance;
import app.duet.api.commitment.AppointmentAttended;
import app.duet.api.commitment.AppointmentMissed;
import app.duet.command.consent.Consent;
import app.duet.command.pairing.Pairing;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.io.Serializable;

import static app.duet.command.RuleViolation.require;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** Who came to each therapy meeting, as the observing therapist records it; whoever did not, missed it. */
public class Attendance implements Serializable {

    private final String coupleId;
    private final Pairing pairing;
    private final Consent consent;
    private final Set<String> meetings = new HashSet<>();

    public Attendance(String coupleId, Pairing pairing, Consent consent) {
        this.coupleId = coupleId;
        this.pairing = pairing;
        this.consent = consent;
    }

    @CommandHandler
    public void handle(RecordAttendance command) {
        consent.requireObserving(command.therapistId());
        require(!meetings.contains(command.meetingId()), "duplicate-meeting", "That session was already recorded.");
        require(command.heldOn() != null, "date-required", "Say on which day the session was held.");
        List<String> attended = command.attendedBy() == null ? List.of() : List.copyOf(command.attendedBy());
        require(attended.stream().allMatch(pairing::isPartner), "not-a-partner",
                "Only the couple's partners attend its sessions.");
        require(new HashSet<>(attended).size() == attended.size(), "attendee-twice", "Name each partner who came once.");
        apply(new AppointmentAttended(coupleId, command.meetingId(), command.heldOn(), attended, command.therapistId()));
        pairing.partnerIds().stream().filter(partner -> !attended.contains(partner)).sorted().forEach(partner ->
                apply(new AppointmentMissed(coupleId, command.meetingId(), command.heldOn(), partner)));
    }

    @EventSourcingHandler
    void on(AppointmentAttended event) {
        meetings.add(event.meetingId());
    }
}
