package app.duet.eventstore.upcasting;

import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One event used to say two things: {@code exercise.LeanCheckedIn} revision 1 was a check-in between
 * sessions (no session) or an entry in one (with its session and step). Stored ones are read as what
 * they were: {@code everyday.LeanCheckedIn} revision 2, or {@code exercise.LeanRecorded}, whose
 * entry id was called the check-in id. Nothing in either is encrypted; the stored events stay as they are.
 */
public class LeanCheckInsSplit extends SingleEventUpcaster {

    static final SimpleSerializedType STORED = new SimpleSerializedType("app.duet.api.exercise.LeanCheckedIn", "1");
    static final SimpleSerializedType BETWEEN_SESSIONS = new SimpleSerializedType("app.duet.api.everyday.LeanCheckedIn", "2");
    static final SimpleSerializedType IN_A_SESSION = new SimpleSerializedType("app.duet.api.exercise.LeanRecorded", "1");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        return STORED.equals(event.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        JsonNode stored = event.getData(JsonNode.class).getData();
        boolean inASession = stored.hasNonNull("sessionId");
        return event.upcastPayload(inASession ? IN_A_SESSION : BETWEEN_SESSIONS, JsonNode.class, payload -> {
            ObjectNode read = (ObjectNode) payload.deepCopy();
            if (inASession) {
                read.set("entryId", read.remove("checkInId"));
            } else {
                read.remove("sessionId");
                read.remove("step");
            }
            return read;
        });
    }
}
