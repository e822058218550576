package app.duet.query.exercise;

import app.duet.query.live.AppliedEvents;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.HashMap;
import java.util.Map;

/**
 * The words a running session's baby steps may take up: each behaviour as its author last wrote it and
 * each smaller step offered, so a committed step reaches the couple's overview with its words without
 * this projection reading the session's view. Nobody's view: a behaviour is in it from its first draft,
 * and leaves with the session's end (nothing is committed after it) or the couple's erasure.
 */
@Document("baby_step_words")
public class StepWords {

    @Id
    private String sessionId;
    @Indexed
    private String coupleId;
    /** By author and entry id. */
    private Map<String, String> behaviours = new HashMap<>();
    /** By who listed the behaviour and its entry id. */
    private Map<String, String> smallerSteps = new HashMap<>();
    private AppliedEvents applied = new AppliedEvents();

    protected StepWords() {
    }

    StepWords(String sessionId, String coupleId) {
        this.sessionId = sessionId;
        this.coupleId = coupleId;
    }

    void behaviour(String authorId, String entryId, String words) {
        behaviours.put(key(authorId, entryId), words);
    }

    void smallerStep(String listedBy, String entryId, String words) {
        smallerSteps.put(key(listedBy, entryId), words);
    }

    String behaviourOf(String listedBy, String entryId) {
        return behaviours.get(key(listedBy, entryId));
    }

    String smallerStepFor(String listedBy, String entryId) {
        return smallerSteps.get(key(listedBy, entryId));
    }

    /** Mongo field names may not contain dots; ids are UUID-like, so a colon is safe. */
    private static String key(String partnerId, String entryId) {
        return partnerId + ":" + entryId;
    }

    String sessionId() {
        return sessionId;
    }

    String coupleId() {
        return coupleId;
    }

    AppliedEvents applied() {
        return applied;
    }
}
