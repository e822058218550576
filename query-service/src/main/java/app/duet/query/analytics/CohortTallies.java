package app.duet.query.analytics;

import app.duet.api.AggregateType;
import app.duet.api.everyday.AppreciationExpressed;
import app.duet.api.everyday.EverydayBidAnswered;
import app.duet.api.everyday.EverydayBidMissed;
import app.duet.api.exercise.BabyStepCommitted;
import app.duet.api.exercise.BabyStepFollowedUp;
import app.duet.api.exercise.BlamerSoftened;
import app.duet.api.exercise.ResentmentReleased;
import app.duet.api.exercise.WithdrawerReengaged;
import app.duet.api.pairing.PartnerJoinedCouple;
import app.duet.api.privacy.CoupleErased;
import app.duet.api.session.BidAnswered;
import app.duet.api.session.BidMissed;
import app.duet.api.session.SessionStarted;
import app.duet.api.commitment.AppointmentAttended;
import app.duet.api.commitment.AppointmentMissed;
import app.duet.api.commitment.CheckpointReviewed;
import app.duet.api.cycle.Phase;
import app.duet.query.cycle.CycleStateProjection;
import app.duet.query.cycle.PhaseReached;
import app.duet.query.events.SessionCouples;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The counts behind the cohort's totals, one row per couple, which outlive the couple. While a couple
 * exists its row is kept under the couple's id (to find it, and to apply each event once, read and
 * written with the processor's batch). When the couple is erased its counts move to a row under a random
 * id that nothing else knows, and the linked row goes: no name, no id, no date, no word stays, so what
 * is left is no one's personal data. Counts only (sessions by exercise, bids by answer, turning points
 * voiced, resentments let go, appreciations, baby steps, check-points, appointments, and which phases the
 * couple ever reached): the cohort adds them up, and shows them only for groups of at least five couples.
 */
@Component
@ProcessingGroup(CycleStateProjection.PROCESSING_GROUP)
public class CohortTallies implements PhaseReached {

    static final String COLLECTION = "cohort_tallies";
    private static final String COUPLE = "coupleId";
    private static final String COUNTS = "counts";
    private static final String APPLIED = "applied";
    /** The random id an erased couple's counts move to, noted on its row before they move. */
    private static final String ERASING_AS = "erasingAs";
    /** Which couple each session belongs to, while the couple exists. */
    private static final String SESSIONS = "cohort_sessions";

    private final MongoTemplate mongo;
    /** So a session's event costs no query to find its couple's row. */
    private final SessionCouples sessions = new SessionCouples();

    public CohortTallies(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    public void on(Object event, EventMessage<?> message) {
        if (!(message instanceof DomainEventMessage<?> domain)) {
            return;
        }
        String counted = counted(event);
        if (counted == null) {
            return;
        }
        String coupleId = coupleOf(event, domain);
        if (coupleId == null) {
            return;
        }
        // Read and written through the batch of the processor's unit of work: one bulk write per batch, not one per event.
        Document row = Optional.ofNullable(mongo.findById(coupleId, Document.class, COLLECTION))
                .orElseGet(() -> new Document("_id", coupleId).append(COUNTS, new Document()).append(APPLIED, new Document()));
        // Each aggregate's events reach a couple's row in order: its last sequence applied says what counted already.
        Document applied = row.get(APPLIED, Document.class);
        Number last = (Number) applied.get(domain.getAggregateIdentifier());
        if (last != null && last.longValue() >= domain.getSequenceNumber()) {
            return;
        }
        applied.put(domain.getAggregateIdentifier(), domain.getSequenceNumber());
        int by = event instanceof AppointmentAttended attended ? attended.attendedBy().size() : 1;
        row.get(COUNTS, Document.class).merge(stored(counted), by, (was, more) -> ((Number) was).intValue() + (Integer) more);
        mongo.save(row, COLLECTION);
    }

    /** The couple's row remembers each phase it ever reached, once: the cohort counts couples per phase reached. */
    @Override
    public void reached(String coupleId, Phase phase) {
        Document row = mongo.findById(coupleId, Document.class, COLLECTION);
        if (row != null) {
            row.get(COUNTS, Document.class).put(stored("reached." + phase.name()), 1);
            mongo.save(row, COLLECTION);
        }
    }

    /**
     * The couple's row stays, unlinked: its counts move to a row under a random id, without the couple's
     * id or the aggregates it applied, and which sessions were the couple's is forgotten. Done so that
     * doing it again after a crash halfway writes the same: the random id is chosen once and noted first.
     */
    @EventHandler
    public void on(CoupleErased event) {
        Document row = mongo.findById(event.coupleId(), Document.class, COLLECTION);
        if (row != null) {
            String anonymous = Optional.ofNullable(row.getString(ERASING_AS)).orElseGet(() -> UUID.randomUUID().toString());
            mongo.save(row.append(ERASING_AS, anonymous), COLLECTION);
            mongo.save(new Document("_id", anonymous).append(COUNTS, row.get(COUNTS, Document.class)), COLLECTION);
            mongo.remove(Query.query(Criteria.where("_id").is(event.coupleId())), COLLECTION);
        }
        mongo.remove(Query.query(Criteria.where(COUPLE).is(event.coupleId())), SESSIONS);
        sessions.forget(event.coupleId());
    }

    /** Counts are named with dots ("sessions.CHECK_IN"), which a stored field name may not hold. */
    private static String stored(String name) {
        return name.replace('.', ':');
    }

    @ResetHandler
    public void reset() {
        mongo.remove(new Query(), COLLECTION);
        mongo.remove(new Query(), SESSIONS);
        sessions.clear();
    }

    /** Every row's counts, linked or not, by their dotted names ("sessions.CHECK_IN"). */
    List<Map<String, Integer>> all() {
        return mongo.findAll(Document.class, COLLECTION).stream().map(row -> {
            Map<String, Integer> each = new java.util.TreeMap<>();
            row.get(COUNTS, Document.class).forEach((key, value) -> each.put(key.replace(':', '.'), ((Number) value).intValue()));
            return each;
        }).toList();
    }

    /** What an event counts as, or null for an event the cohort does not count. */
    private static String counted(Object event) {
        if (event instanceof PartnerJoinedCouple) {
            return "paired";
        } else if (event instanceof SessionStarted started) {
            return "sessions." + started.exercise().name();
        } else if (event instanceof BidAnswered answered) {
            return "bids." + answered.response().name();
        } else if (event instanceof EverydayBidAnswered answered) {
            return "bids." + answered.response().name();
        } else if (event instanceof BidMissed || event instanceof EverydayBidMissed) {
            return "bids.MISSED";
        } else if (event instanceof BlamerSoftened) {
            return "softenings";
        } else if (event instanceof WithdrawerReengaged) {
            return "reengagements";
        } else if (event instanceof ResentmentReleased) {
            return "resentmentsReleased";
        } else if (event instanceof AppreciationExpressed) {
            return "appreciations";
        } else if (event instanceof BabyStepCommitted) {
            return "babySteps.committed";
        } else if (event instanceof BabyStepFollowedUp followedUp) {
            return followedUp.done() ? "babySteps.done" : "babySteps.notDone";
        } else if (event instanceof CheckpointReviewed reviewed) {
            return "checkpoints." + reviewed.outcome().name();
        } else if (event instanceof AppointmentAttended) {
            return "appointments.attended";
        } else if (event instanceof AppointmentMissed) {
            return "appointments.missed";
        }
        return null;
    }

    /** A couple's own events carry its id; a session's events name it through the session's start, once known. */
    private String coupleOf(Object event, DomainEventMessage<?> message) {
        if (event instanceof SessionStarted started) {
            mongo.save(new Document("_id", started.sessionId()).append(COUPLE, started.coupleId()), SESSIONS);
            sessions.started(started.sessionId(), started.coupleId());
            return started.coupleId();
        }
        if (AggregateType.COUPLE.matches(message.getType())) {
            return message.getAggregateIdentifier();
        }
        return sessions.coupleOf(message.getAggregateIdentifier()).orElseGet(() -> {
            Document session = mongo.findById(message.getAggregateIdentifier(), Document.class, SESSIONS);
            return session == null ? null : session.getString(COUPLE);
        });
    }
}
