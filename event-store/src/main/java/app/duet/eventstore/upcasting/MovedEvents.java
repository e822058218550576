package app.duet.eventstore.upcasting;

import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import tools.jackson.databind.JsonNode;

import java.util.Map;

/**
 * Events are stored under their class's full name. When an event moves to the package of its
 * feature, or is renamed, the events already stored keep the old name: each is read under the new
 * one, its payload and revision untouched (still encrypted; decrypted afterwards by the serializer).
 * An old name stays in this table for good, since the stored events are never rewritten.
 */
public class MovedEvents extends SingleEventUpcaster {

    /** Old stored name → the class that reads it now. */
    public static final Map<String, String> NOW_CALLED = Map.ofEntries(
            // Issue 12: one feature, one package (the couple's package held five features).
            Map.entry("app.duet.api.couple.CoupleCreated", "app.duet.api.pairing.CoupleCreated"),
            Map.entry("app.duet.api.couple.PartnerJoinedCouple", "app.duet.api.pairing.PartnerJoinedCouple"),
            Map.entry("app.duet.api.couple.TherapistInvited", "app.duet.api.consent.TherapistInvited"),
            Map.entry("app.duet.api.couple.TherapistAccessGranted", "app.duet.api.consent.TherapistAccessGranted"),
            Map.entry("app.duet.api.couple.TherapistAccessWithdrawn", "app.duet.api.consent.TherapistAccessWithdrawn"),
            Map.entry("app.duet.api.couple.CoupleErased", "app.duet.api.privacy.CoupleErased"),
            Map.entry("app.duet.api.everyday.ListItemKept", "app.duet.api.lists.ListItemKept"),
            Map.entry("app.duet.api.everyday.ListItemShared", "app.duet.api.lists.ListItemShared"),
            Map.entry("app.duet.api.everyday.ListItemDropped", "app.duet.api.lists.ListItemDropped"),
            // Issue 12: "session" means a joint exercise session only; a meeting with the therapist is an appointment.
            Map.entry("app.duet.api.commitment.SessionAttended", "app.duet.api.commitment.AppointmentAttended"),
            Map.entry("app.duet.api.commitment.SessionMissed", "app.duet.api.commitment.AppointmentMissed"),
            // Issue 16: answers revealed together are marked ready (and may be taken back), no longer submitted.
            Map.entry("app.duet.api.session.AnswersSubmitted", "app.duet.api.session.AnswersMarkedReady"));

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        return NOW_CALLED.containsKey(event.getType().getName());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        SimpleSerializedType now = new SimpleSerializedType(NOW_CALLED.get(event.getType().getName()), event.getType().getRevision());
        return event.upcastPayload(now, JsonNode.class, payload -> payload);
    }
}
