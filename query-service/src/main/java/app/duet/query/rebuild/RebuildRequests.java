package app.duet.query.rebuild;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The rebuilds asked for, one document per processor, shared by every instance: {@code requested}
 * counts the requests, {@code reset} is the last request whose reset is done. While they differ,
 * every instance keeps the processor stopped; one instance at a time ({@code resetBy}) tries the reset.
 */
@Component
class RebuildRequests {

    /** How long an instance that took the reset on may take before another may try (it may have died). */
    static final Duration RESET_TIMEOUT = Duration.ofSeconds(30);

    @Document(Request.COLLECTION)
    record Request(@Id String processor, long requested, long reset, String resetBy, Instant resetSince) {

        static final String COLLECTION = "projection_rebuilds";

        boolean pending() {
            return requested > reset;
        }
    }

    private final MongoTemplate mongo;

    RebuildRequests(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Asks every instance to rebuild the processor; returns the request's number. */
    long request(String processor) {
        Request request = mongo.findAndModify(Query.query(where("_id").is(processor)),
                new Update().inc("requested", 1).setOnInsert("reset", 0L),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Request.class);
        return request.requested();
    }

    Optional<Request> of(String processor) {
        return Optional.ofNullable(mongo.findById(processor, Request.class));
    }

    /** Takes the reset of this request on, unless another instance is on it. */
    boolean takeReset(Request request, String instance, Instant now) {
        Query free = Query.query(where("_id").is(request.processor()).and("reset").lt(request.requested())
                .orOperator(where("resetBy").isNull(), where("resetBy").is(instance),
                        where("resetSince").lt(now.minus(RESET_TIMEOUT))));
        return mongo.updateFirst(free, new Update().set("resetBy", instance).set("resetSince", now), Request.class)
                .getModifiedCount() > 0;
    }

    void resetDone(Request request) {
        mongo.updateFirst(Query.query(where("_id").is(request.processor())),
                new Update().max("reset", request.requested()).unset("resetBy").unset("resetSince"), Request.class);
    }
}
