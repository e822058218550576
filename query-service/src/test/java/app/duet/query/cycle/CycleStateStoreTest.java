package app.duet.query.cycle;

import app.duet.api.pairing.CoupleCreated;
import app.duet.api.pairing.PartnerJoinedCouple;
import app.duet.api.cycle.CycleStateView;
import app.duet.api.cycle.EvidenceRefView;
import app.duet.api.cycle.TimelineKind;
import app.duet.api.everyday.EverydayBidAnswered;
import app.duet.api.everyday.EverydayBidMade;
import app.duet.api.exercise.CycleLink;
import app.duet.api.exercise.CycleLinkRecorded;
import app.duet.api.exercise.CycleMove;
import app.duet.api.session.BidResponse;
import app.duet.api.session.EntryShared;
import app.duet.api.session.Exercise;
import app.duet.api.session.SessionStarted;
import app.duet.query.support.InProcessMongo;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.ObjectMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cycle state as stored and as sent: kinds go by their wire names in MongoDB and in JSON, and a
 * state stored by the build before the kinds were enums (and the document was called CycleState)
 * reads as it did and goes on from there.
 */
class CycleStateStoreTest {

    private static final String COUPLE = "couple-1";
    private static final String SESSION = "session-1";
    private static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");

    @RegisterExtension
    static final InProcessMongo inProcess = new InProcessMongo();

    private final MongoTemplate mongo = new MongoTemplate(inProcess.client(), "views_" + UUID.randomUUID().toString().substring(0, 8));
    private final CycleStateStore store = new CycleStateStore(mongo, CycleThresholds.DEFAULTS);

    @Test
    void kindsAreStoredAndSentByTheirWireNames() {
        CycleStateDocument state = history();
        store.save(CycleStateStore.LIVE, state);

        List<Document> marks = mongo.getCollection(CycleStateStore.LIVE + "_marks").find()
                .sort(new Document("order", 1)).into(new java.util.ArrayList<>());
        assertThat(marks).filteredOn(mark -> "timeline".equals(mark.getString("list")))
                .extracting(mark -> mark.get("noted", Document.class).getString("kind"))
                .containsExactly("paired", "session-started", "bid-made", "bid-turned-toward");
        assertThat(marks).extracting(mark -> mark.getString("list")).contains("evidence:bids-toward:ben", "evidence:shown-role:anna");
        Document raw = mongo.getCollection(CycleStateStore.LIVE).find().first();
        assertThat(raw.getList("timeline", Document.class)).as("the state's document holds no timeline").isEmpty();
        assertThat(raw.getList("figures", String.class)).contains("bids-toward:ben", "shown-role:anna");

        String json = new ObjectMapper().writeValueAsString(state.toView());
        assertThat(json).contains("\"kind\":\"bid-turned-toward\"").contains("\"figures\":[")
                .contains("\"bids-toward:ben\"").doesNotContain("BID_TURNED_TOWARD");
        assertThat(new ObjectMapper().readValue(json, CycleStateView.class)).isEqualTo(state.toView());
    }

    @Test
    void aStateStoredByTheEarlierBuildReadsTheSameAndGoesOn() {
        CycleStateDocument state = history();
        new CycleStateRules(state).apply(new CycleLinkRecorded(SESSION, "entry-1", "anna", "my-side",
                CycleLink.BEHAVIOUR, 7, CycleMove.CRITICISE, "words"), ref("e6", SESSION, 6));
        CycleStateView expected = state.toView();
        store.save(CycleStateStore.LIVE, state);
        // The earlier build's document: the class it was stored as is gone, and it kept each session's exercise.
        mongo.getCollection(CycleStateStore.LIVE).updateOne(new Document("_id", COUPLE), new Document("$set",
                new Document("_class", "app.duet.query.cycle.CycleState")
                        .append("exercises", new Document(SESSION, Exercise.CYCLE_MAP.name()))));

        CycleStateDocument read = store.find(CycleStateStore.LIVE, COUPLE).orElseThrow();
        assertThat(read.toView()).isEqualTo(expected);
        assertThat(new CycleStateRules(read).apply(new EntryShared(SESSION, "entry-1", "anna"), ref("e7", SESSION, 7)))
                .as("the answer held back in the stored state counts once shared").isTrue();
        assertThat(read.toView().timeline()).extracting(item -> item.kind())
                .contains(TimelineKind.NAMED_THEIR_SIDE);
        assertThat(read.evidenceFor("declared-role:anna")).as("the event that let it out").extracting(EvidenceRefView::eventId)
                .containsExactly("e7");
    }

    /** Anna and Ben pair, a session starts; Anna bids between sessions and Ben turns toward her. */
    private static CycleStateDocument history() {
        CycleStateDocument state = new CycleStateDocument(COUPLE);
        CycleStateRules rules = new CycleStateRules(state);
        List<Map.Entry<Object, EvidenceRefView>> events = List.of(
                Map.entry(new CoupleCreated(COUPLE, "anna", "Anna", "CODE-1", T0), ref("e1", COUPLE, 1)),
                Map.entry(new PartnerJoinedCouple(COUPLE, "ben", "Ben"), ref("e2", COUPLE, 2)),
                Map.entry(new SessionStarted(SESSION, COUPLE, Exercise.CYCLE_MAP, List.of("anna", "ben"), "anna"),
                        ref("e3", SESSION, 3)),
                Map.entry(new EverydayBidMade(COUPLE, "bid-1", "anna", "ben", "coffee?"), ref("e4", COUPLE, 4)),
                Map.entry(new EverydayBidAnswered(COUPLE, "bid-1", "ben", BidResponse.TOWARD), ref("e5", COUPLE, 5)));
        events.forEach(event -> rules.apply(event.getKey(), event.getValue()));
        return state;
    }

    private static EvidenceRefView ref(String eventId, String aggregateId, int minute) {
        return new EvidenceRefView(eventId, "Event", aggregateId, T0.plus(Duration.ofMinutes(minute)));
    }
}
