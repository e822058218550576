package app.duet.query.pairing;

import app.duet.api.pairing.CoupleCreated;
import app.duet.api.pairing.PartnerJoinedCouple;
import app.duet.query.commitment.CommitmentProjection;
import app.duet.query.exercise.BabyStepsProjection;
import app.duet.query.exercise.StepWordsRepository;
import app.duet.query.events.CatchingUp;
import app.duet.query.everyday.EverydayProjection;
import app.duet.query.lists.ListsProjection;
import app.duet.query.live.ViewPublisher;
import app.duet.query.session.CoupleSessionsProjection;
import com.mongodb.client.MongoClient;
import org.axonframework.eventhandling.ReplayStatus;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.repository.support.MongoRepositoryFactory;
import org.springframework.messaging.converter.JacksonJsonMessageConverter;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.mockito.Mockito.mock;

/** The couple overview's projections on a fresh database, a paired couple in it, and every change pushed to it, as JSON. */
final class CoupleOverviewFixture {

    static final String COUPLE = "couple-1";
    static final String ALEX = "partner-alex";
    static final String SAM = "partner-sam";
    static final Instant T0 = Instant.parse("2026-01-01T08:00:00Z");
    static final ReplayStatus LIVE = ReplayStatus.REGULAR;

    final List<JsonNode> pushed = new ArrayList<>();
    final MongoTemplate mongo;
    final CoupleProjection couples;
    final CoupleSessionsProjection coupleSessions;
    final EverydayProjection everyday;
    final ListsProjection lists;
    final CommitmentProjection commitments;
    final BabyStepsProjection babySteps;
    /** The couple's next event's sequence number. */
    long sequence;

    CoupleOverviewFixture(MongoClient client) {
        mongo = new MongoTemplate(client, "views_" + UUID.randomUUID().toString().substring(0, 8));
        MongoRepositoryFactory repositories = new MongoRepositoryFactory(mongo);
        JsonMapper json = JsonMapper.builder().build();
        SimpMessagingTemplate messaging = new SimpMessagingTemplate((message, timeout) -> {
            pushed.add(json.readTree(new String((byte[]) message.getPayload(), StandardCharsets.UTF_8)));
            return true;
        });
        messaging.setMessageConverter(new JacksonJsonMessageConverter(json));
        ViewPublisher publisher = new ViewPublisher(messaging, mock(CatchingUp.class), json);
        CoupleOverviews overviews = new CoupleOverviews(repositories.getRepository(CoupleDocumentRepository.class),
                repositories.getRepository(CoupleItemRepository.class), publisher);
        couples = new CoupleProjection(overviews);
        coupleSessions = new CoupleSessionsProjection(overviews);
        everyday = new EverydayProjection(overviews);
        lists = new ListsProjection(overviews);
        commitments = new CommitmentProjection(overviews);
        babySteps = new BabyStepsProjection(overviews, repositories.getRepository(StepWordsRepository.class));
    }

    /** Alex and Sam pair; nothing of it is left in {@link #pushed}. */
    CoupleOverviewFixture paired(ReplayStatus replay) {
        couples.on(new CoupleCreated(COUPLE, ALEX, "Alex", "K7QF-2MZD", T0.plusSeconds(604_800)), 0, replay);
        couples.on(new PartnerJoinedCouple(COUPLE, SAM, "Sam"), 1, replay);
        sequence = 2;
        pushed.clear();
        return this;
    }

    long next() {
        return sequence++;
    }

    /** The couple's stored overview document's size as BSON, in bytes. */
    int storedSize() {
        Document stored = mongo.getCollection("couple_overviews").find(new Document("_id", COUPLE)).first();
        return new RawBsonDocument(stored, new DocumentCodec()).getByteBuffer().remaining();
    }

    long storedItems() {
        return mongo.getCollection("couple_items").countDocuments(new Document("coupleId", COUPLE));
    }
}
