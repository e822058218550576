package app.duet.query.analytics;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.Map;

/**
 * One frame of a replay, stored when it is prepared so any instance can play it without reading
 * the session's events again; the player reads only the frame it pushes and the one after.
 */
@Document(ReplayFrameDocument.COLLECTION)
record ReplayFrameDocument(@Id String id, @Indexed String replayId, @Indexed String coupleId, int index, Instant at,
                           String type, String actor, Map<String, Object> details) {

    static final String COLLECTION = "replay_frames";

    static String idOf(String replayId, int index) {
        return replayId + ":" + index;
    }

    static ReplayFrameDocument of(String replayId, String coupleId, int index, ReplayFrames.Frame frame) {
        return new ReplayFrameDocument(idOf(replayId, index), replayId, coupleId, index, frame.at(), frame.type(), frame.actor(),
                frame.details());
    }

    ReplayFrames.Frame frame() {
        return new ReplayFrames.Frame(at, type, actor, details == null ? Map.of() : details);
    }
}
