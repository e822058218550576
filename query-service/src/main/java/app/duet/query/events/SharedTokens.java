package app.duet.query.events;

import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Where each processor stands for every instance: its segments' tokens read from the shared token
 * store (Axon's Mongo token store, collection {@code trackingtokens}) without claiming them, so any
 * instance can tell whether a processor has caught up, however the segments are spread.
 */
@Component
public class SharedTokens {

    static final String COLLECTION = "trackingtokens";

    /** One segment's token and the node claiming it (null when free). */
    public record Segment(int segment, TrackingToken token, String owner) {

        public long position() {
            return positionOf(token);
        }

        /** Axon replays until a segment handles the event the processor was reset at; it is done once it has. */
        public boolean replaying() {
            return token instanceof ReplayToken replay && positionOf(replay.getCurrentToken()) < positionOf(replay.getTokenAtReset());
        }
    }

    private final MongoTemplate mongo;
    private final Serializer serializer;

    SharedTokens(MongoTemplate mongo, Serializer serializer) {
        this.mongo = mongo;
        this.serializer = serializer;
    }

    public List<Segment> of(String processor) {
        return mongo.find(Query.query(Criteria.where("processorName").is(processor)), Document.class, COLLECTION).stream()
                .map(entry -> new Segment(entry.getInteger("segment", 0), tokenOf(entry), entry.getString("owner")))
                .toList();
    }

    /** Every segment exists, has finished replaying and stands at or past this position. */
    public boolean caughtUp(String processor, long head) {
        List<Segment> segments = of(processor);
        return !segments.isEmpty() && segments.stream().allMatch(segment -> !segment.replaying() && segment.position() >= head);
    }

    private TrackingToken tokenOf(Document entry) {
        Object data = entry.get("token");
        String type = entry.getString("tokenType");
        if (data == null || type == null) {
            return null;
        }
        byte[] bytes = data instanceof Binary binary ? binary.getData() : (byte[]) data;
        return serializer.deserialize(new SimpleSerializedObject<>(bytes, byte[].class, type, null));
    }

    private static long positionOf(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }
}
