package app.duet.query.analytics;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The replays' states and frames in MongoDB, shared by every instance. Every change is conditional
 * on what its maker saw (the version, or the chain playing and its position), so two instances
 * never both apply one.
 */
@Component
class ReplayStore {

    private static final FindAndModifyOptions NEW = FindAndModifyOptions.options().returnNew(true);

    private final MongoTemplate mongo;

    ReplayStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * The state first, then its frames, each frame naming the couple: whatever removes a couple's
     * replays (an erasure) finds every frame, even of a replay whose frames were still being written.
     */
    void create(ReplayState state, List<ReplayFrames.Frame> frames) {
        mongo.insert(state);
        mongo.insertAll(IntStream.range(0, frames.size())
                .mapToObj(index -> ReplayFrameDocument.of(state.id(), state.coupleId(), index, frames.get(index))).toList());
    }

    Optional<ReplayState> find(String replayId) {
        return Optional.ofNullable(mongo.findById(replayId, ReplayState.class));
    }

    Optional<ReplayFrames.Frame> frame(String replayId, int index) {
        return Optional.ofNullable(mongo.findById(ReplayFrameDocument.idOf(replayId, index), ReplayFrameDocument.class))
                .map(ReplayFrameDocument::frame);
    }

    /** The change, unless someone changed the replay since {@code seen} was read. */
    Optional<ReplayState> changeIfUnchanged(ReplayState seen, Update update, Instant now) {
        return modify(where("_id").is(seen.id()).and("version").is(seen.version()), update, now);
    }

    /** Moves past the frame at {@code seen.position()}, if the same chain still plays it there. */
    Optional<ReplayState> advance(ReplayState seen, Instant nextAt, Instant leaseUntil, Instant now) {
        int next = seen.position() + 1;
        return modify(where("_id").is(seen.id()).and("run").is(seen.run()).and("player").is(seen.player())
                        .and("position").is(seen.position()).and("paused").is(false),
                new Update().set("position", next).set("paused", next >= seen.frameCount()).set("nextAt", nextAt)
                        .set("leaseUntil", leaseUntil), now);
    }

    /** Another chain plays a replay whose player let its lease lapse, if nobody took it over first. */
    Optional<ReplayState> takeOver(ReplayState lapsed, String player, String run, Instant leaseUntil, Instant now) {
        return modify(where("_id").is(lapsed.id()).and("run").is(lapsed.run()).and("paused").is(false)
                        .and("leaseUntil").lt(now),
                new Update().set("player", player).set("run", run).set("leaseUntil", leaseUntil), now);
    }

    /** The replays playing whose player has not renewed its lease in time. */
    List<ReplayState> lapsed(Instant now) {
        return mongo.find(Query.query(where("paused").is(false).and("leaseUntil").lt(now)), ReplayState.class);
    }

    void renew(Collection<String> replayIds, String player, Instant leaseUntil) {
        if (!replayIds.isEmpty()) {
            mongo.updateMulti(Query.query(where("_id").in(replayIds).and("player").is(player)),
                    Update.update("leaseUntil", leaseUntil), ReplayState.class);
        }
    }

    /** A player stopping hands its replays over at once, rather than when its leases lapse. */
    void release(String player) {
        mongo.updateMulti(Query.query(where("player").is(player)), Update.update("leaseUntil", Instant.EPOCH),
                ReplayState.class);
    }

    /** Removes the couple's replays, frames included, and says which they were. */
    List<String> removeCouple(String coupleId) {
        List<String> removed = remove(where("coupleId").is(coupleId));
        mongo.remove(Query.query(where("coupleId").is(coupleId)), ReplayFrameDocument.class);
        return removed;
    }

    /** Removes the replays nobody has played or controlled since then. */
    List<String> removeUntouchedSince(Instant cutoff) {
        return remove(where("touchedAt").lt(cutoff));
    }

    private List<String> remove(Criteria which) {
        List<String> ids = mongo.find(Query.query(which), ReplayState.class).stream().map(ReplayState::id).toList();
        if (!ids.isEmpty()) {
            mongo.remove(Query.query(where("replayId").in(ids)), ReplayFrameDocument.class);
            mongo.remove(Query.query(where("_id").in(ids)), ReplayState.class);
        }
        return ids;
    }

    private Optional<ReplayState> modify(Criteria condition, Update update, Instant now) {
        update.inc("version", 1).set("touchedAt", now);
        return Optional.ofNullable(mongo.findAndModify(Query.query(condition), update, NEW, ReplayState.class));
    }
}
