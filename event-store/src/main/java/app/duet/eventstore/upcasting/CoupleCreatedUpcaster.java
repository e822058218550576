package app.duet.eventstore.upcasting;

import app.duet.api.pairing.CoupleCreated;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

import java.time.Duration;

/**
 * CoupleCreated revision 1 had invitation codes that never expired; revision 2 carries the expiry.
 * Old events are read as if their code was given the standard week from the moment it was made,
 * which is what a code issued then would get now. The stored events are never rewritten.
 */
public class CoupleCreatedUpcaster extends SingleEventUpcaster {

    static final Duration STANDARD_VALIDITY = Duration.ofDays(7);
    private static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(CoupleCreated.class.getName(), "1");
    private static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(CoupleCreated.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        return REVISION_1.equals(event.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        String expiresAt = event.getTimestamp().plus(STANDARD_VALIDITY).toString();
        return event.upcastPayload(REVISION_2, JsonNode.class, payload -> {
            ObjectNode upcast = (ObjectNode) payload.deepCopy();
            upcast.put("invitationExpiresAt", expiresAt);
            return upcast;
        });
    }
}
