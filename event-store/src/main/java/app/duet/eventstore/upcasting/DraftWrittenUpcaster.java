package app.duet.eventstore.upcasting;

import app.duet.api.exercise.ExerciseStep;
import app.duet.api.session.DraftWritten;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * DraftWritten revision 1 was written before entries belonged to a step of the exercise; revision 2
 * names the step. Old drafts are read as the session's free notes, which is where they lived then.
 * Only the step is added: the text stays as stored, still encrypted, and is decrypted afterwards by
 * the event serializer. The stored events are never rewritten.
 */
public class DraftWrittenUpcaster extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(DraftWritten.class.getName(), "1");
    private static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(DraftWritten.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        return REVISION_1.equals(event.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        return event.upcastPayload(REVISION_2, JsonNode.class, payload -> {
            ObjectNode upcast = (ObjectNode) payload.deepCopy();
            upcast.put("step", ExerciseStep.NOTES.key());
            return upcast;
        });
    }
}
