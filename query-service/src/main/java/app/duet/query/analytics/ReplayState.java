package app.duet.query.analytics;

import app.duet.api.analytics.ReplayStatusView;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * Where one analyst's replay stands, kept in MongoDB so that any instance can answer for it: its
 * owner, the couple (so an erasure finds it), where it is, how fast, and who plays it. {@code run}
 * names the chain of frames playing now: a pause, a seek or a takeover starts another, and a frame
 * is only pushed by the chain still named, so each frame goes out once. The player holds a lease
 * it renews; when it lapses (the player died) another instance takes the replay over from {@code nextAt}.
 */
@Document(ReplayState.COLLECTION)
record ReplayState(@Id String id, String ownerId, @Indexed String coupleId, String session, int frameCount,
                   int position, double speed, boolean paused, long version, String run, String player,
                   Instant leaseUntil, Instant nextAt, Instant touchedAt) {

    static final String COLLECTION = "replays";

    boolean finished() {
        return position >= frameCount;
    }

    boolean playing() {
        return !paused && !finished();
    }

    ReplayStatusView status() {
        return new ReplayStatusView(id, session, position, frameCount, speed, paused, finished());
    }
}
