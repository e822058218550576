package app.duet.query.access;

import java.util.Optional;

/**
 * Who started each analyst's replay, so only they may listen to its topic. The replays know; the
 * STOMP guard asks.
 */
public interface ReplayOwners {

    /** Where a replay's frames are pushed: this, then the replay's id. */
    String TOPIC = "/topic/replays.";

    /** The analyst who started the replay, whichever instance prepared or plays it. */
    Optional<String> ownerOf(String replayId);
}
