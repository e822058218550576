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
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The counts behind the cohort's totals, one document per couple, which outlive the couple. While a
 * couple exists its document names it (to find it, and to apply each event once); when it is erased the
 * name and the applied events are taken off in one update, and what stays is a row of counts under a
 * random id that nothing else knows: no name, no id, no date, no word, so it is no one's personal data.
 * Counts only (sessions by exercise, bids by answer, turning points voiced, resentments let go,
 * appreciations, baby steps, check-points, appointments, and which phases the couple ever reached): the
 * cohort adds them up, and shows them only for groups of at least five couples.
 */
@Component
@ProcessingGroup(CycleStateProjection.PROCESSING_GROUP)
public class CohortTallies implements PhaseReached {

    static final String COLLECTION = "cohort_tallies";
    private static final String COUPLE = "coupleId";
    private static final String APPLIED = "applied";
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
        int by = event instanceof AppointmentAttended attended ? attended.attendedBy().size() : 1;
        String coupleId = coupleOf(event, domain);
        if (coupleId == null) {
            return;
        }
        // Each aggregate's events reach a couple's row in order: its last sequence applied says what counted already.
        String aggregate = domain.getAggregateIdentifier();
        long sequence = domain.getSequenceNumber();
        String applied = APPLIED + "." + aggregate;
        Query notYet = Query.query(Criteria.where(COUPLE).is(coupleId)
                .orOperator(Criteria.where(applied).exists(false), Criteria.where(applied).lt(sequence)));
        Update count = new Update().inc("counts." + counted, by).set(applied, sequence);
        if (mongo.updateFirst(notYet, count, COLLECTION).getMatchedCount() == 0
                && !mongo.exists(Query.query(Criteria.where(COUPLE).is(coupleId)), COLLECTION)) {
            mongo.insert(new Document("_id", UUID.randomUUID().toString()).append(COUPLE, coupleId)
                    .append("counts", nested(counted, by)).append(APPLIED, new Document(aggregate, sequence)), COLLECTION);
        }
    }

    /** "sessions.CHECK_IN" as the nested document an update's path makes of it. */
    private static Document nested(String path, int count) {
        int dot = path.indexOf('.');
        return dot < 0 ? new Document(path, count) : new Document(path.substring(0, dot), nested(path.substring(dot + 1), count));
    }

    /** The couple's row remembers each phase it ever reached, once: the cohort counts couples per phase reached. */
    @Override
    public void reached(String coupleId, Phase phase) {
        mongo.updateFirst(Query.query(Criteria.where(COUPLE).is(coupleId)), Update.update("counts.reached." + phase.name(), 1),
                COLLECTION);
    }

    /**
     * The couple's row stays, unlinked: its name and the aggregates it applied are taken off in one
     * update, and which sessions were the couple's is forgotten.
     */
    @EventHandler
    public void on(CoupleErased event) {
        mongo.updateFirst(Query.query(Criteria.where(COUPLE).is(event.coupleId())),
                new Update().unset(COUPLE).unset(APPLIED), COLLECTION);
        mongo.remove(Query.query(Criteria.where(COUPLE).is(event.coupleId())), SESSIONS);
        sessions.forget(event.coupleId());
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
            flatten("", row.get("counts", Document.class), each);
            return each;
        }).toList();
    }

    private static void flatten(String prefix, Document counts, Map<String, Integer> into) {
        counts.forEach((key, value) -> {
            if (value instanceof Document inner) {
                flatten(prefix + key + ".", inner, into);
            } else {
                into.put(prefix + key, ((Number) value).intValue());
            }
        });
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
            mongo.upsert(Query.query(Criteria.where("_id").is(started.sessionId())), Update.update(COUPLE, started.coupleId()),
                    SESSIONS);
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
