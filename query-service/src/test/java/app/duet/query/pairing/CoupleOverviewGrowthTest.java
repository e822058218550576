package app.duet.query.pairing;

import app.duet.api.everyday.AppreciationExpressed;
import app.duet.api.everyday.EverydayBidAnswered;
import app.duet.api.everyday.EverydayBidMade;
import app.duet.api.lists.FindMyListItems;
import app.duet.api.lists.ListItemDropped;
import app.duet.api.lists.ListItemKept;
import app.duet.api.lists.ListItemShared;
import app.duet.api.lists.ListItemView;
import app.duet.api.lists.ListKind;
import app.duet.api.pairing.CoupleCreated;
import app.duet.api.pairing.CoupleView;
import app.duet.api.pairing.FindCouple;
import app.duet.api.pairing.PartnerJoinedCouple;
import app.duet.api.privacy.CoupleErased;
import app.duet.api.session.BidResponse;
import app.duet.api.session.SessionEnded;
import app.duet.api.session.SessionStatus;
import app.duet.query.events.CatchingUp;
import app.duet.query.everyday.EverydayProjection;
import app.duet.query.lists.ListsProjection;
import app.duet.query.live.ViewPages;
import app.duet.query.live.ViewPublisher;
import app.duet.query.live.ViewShape;
import app.duet.query.session.CoupleSessionsProjection;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.eventhandling.ReplayStatus;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * A couple's overview costs the same to change however long the couple's history: its stored
 * document stays the same size, its growing lists' items stored apart, while clients still read
 * every item, page by page, and get pushed only what changed. What a partner keeps to themselves
 * reaches nobody else, and an erased couple leaves no item behind.
 */
class CoupleOverviewGrowthTest {

    private static final String COUPLE = "couple-1";
    private static final String ALEX = "partner-alex";
    private static final String SAM = "partner-sam";
    private static final Instant T0 = Instant.parse("2026-01-01T08:00:00Z");
    private static final ReplayStatus LIVE = ReplayStatus.REGULAR;

    private static MongoServer server;
    private static MongoClient client;

    private final List<JsonNode> pushed = new ArrayList<>();
    private MongoTemplate mongo;
    private CoupleProjection couples;
    private EverydayProjection everyday;
    private ListsProjection lists;
    private CoupleSessionsProjection coupleSessions;
    private long sequence;

    @BeforeAll
    static void startServer() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
    }

    @AfterAll
    static void stopServer() {
        client.close();
        server.shutdownNow();
    }

    @BeforeEach
    void setUp() {
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
        everyday = new EverydayProjection(overviews);
        lists = new ListsProjection(overviews);
        coupleSessions = new CoupleSessionsProjection(overviews);
        couples.on(new CoupleCreated(COUPLE, ALEX, "Alex", "K7QF-2MZD", T0.plusSeconds(604_800)), 0, LIVE);
        couples.on(new PartnerJoinedCouple(COUPLE, SAM, "Sam"), 1, LIVE);
        sequence = 2;
        pushed.clear();
    }

    @Test
    void theStoredOverviewIsAsLargeAfter500AppreciationsAndBidsAsAfter10() {
        live(0, 10);
        int after10 = storedSize();
        live(10, 500);
        int after500 = storedSize();

        assertThat(after500).as("bytes of the couple's stored overview after 500 appreciations and bids, against after 10")
                .isEqualTo(after10);
        assertThat(mongo.getCollection("couple_items").countDocuments(new Document("coupleId", COUPLE)))
                .as("one document per item, apart").isEqualTo(1_000);
    }

    @Test
    void everyItemIsReadInOrderPageByPageAndEachPushCarriesOnlyWhatChanged() {
        live(0, 500);
        CoupleView couple = couples.handle(new FindCouple(COUPLE)).orElseThrow();
        List<String> expected = IntStream.range(0, 500).mapToObj(n -> "appreciation-" + n).toList();

        assertThat(idsOverAllPages(couple, "appreciations", "appreciationId")).isEqualTo(expected);
        assertThat(idsOverAllPages(couple, "everydayBids", "bidId"))
                .isEqualTo(IntStream.range(0, 500).mapToObj(n -> "bid-" + n).toList());
        assertThat(ViewPages.window(couple, ViewShape.COUPLE).appreciations()).extracting("appreciationId")
                .as("the overview over REST holds the newest " + ViewPages.WINDOW)
                .isEqualTo(expected.subList(500 - ViewPages.WINDOW, 500));
        assertThat(couple.everydayBids()).allSatisfy(bid -> assertThat(bid.response()).isEqualTo(BidResponse.TOWARD));

        JsonNode last = pushed.get(pushed.size() - 1);
        assertThat(last.path("version").asLong()).isEqualTo(couple.version());
        assertThat(last.path("changes")).singleElement().satisfies(change -> {
            assertThat(change.path("list").asString()).isEqualTo("everydayBids");
            assertThat(change.path("key").asString()).isEqualTo("bid-499");
            assertThat(change.path("item").path("response").asString()).isEqualTo("TOWARD");
        });
        assertThat(pushed).allSatisfy(change -> assertThat(change.path("changes").size()).isLessThanOrEqualTo(1));
    }

    @Test
    void whatAPartnerKeepsReachesNobodyElseAndAnErasedCoupleLeavesNoItem() {
        lists.on(new ListItemKept(COUPLE, "item-1", SAM, ListKind.BOUNDARY, "No phones at dinner"), sequence++, T0);
        lists.on(new ListItemKept(COUPLE, "item-2", SAM, ListKind.RELATIONSHIP_NEED, "Sam's unshared need"), sequence++, T0.plusSeconds(1));
        lists.on(new ListItemKept(COUPLE, "item-3", ALEX, ListKind.RELATIONSHIP_NEED, "Alex's unshared need"), sequence++, T0.plusSeconds(2));
        lists.on(new ListItemShared(COUPLE, "item-1", SAM), sequence++, T0.plusSeconds(3), LIVE);
        lists.on(new ListItemKept(COUPLE, "item-4", ALEX, ListKind.RELATIONSHIP_NEED, "dropped before sharing"), sequence++, T0.plusSeconds(4));
        lists.on(new ListItemDropped(COUPLE, "item-4", ALEX), sequence++, LIVE);
        live(0, 60);

        CoupleView couple = couples.handle(new FindCouple(COUPLE)).orElseThrow();
        String everythingShown = couple + " " + ViewPages.page(couple, ViewShape.COUPLE, "sharedLists", 0, 100);
        assertThat(couple.sharedLists()).extracting(ListItemView::words).containsExactly("No phones at dinner");
        assertThat(everythingShown + pushed).as("the view and its pages, as partners and the therapist read them, and every push")
                .doesNotContain("unshared", "dropped before sharing");
        assertThat(lists.handle(new FindMyListItems(COUPLE, SAM))).extracting(ListItemView::words)
                .containsExactly("Sam's unshared need");
        assertThat(lists.handle(new FindMyListItems(COUPLE, ALEX))).extracting(ListItemView::words)
                .containsExactly("Alex's unshared need");

        couples.on(new CoupleErased(COUPLE, SAM));

        assertThat(couples.handle(new FindCouple(COUPLE))).isEmpty();
        assertThat(mongo.getCollection("couple_items").countDocuments()).as("items left of the erased couple").isZero();
        assertThat(lists.handle(new FindMyListItems(COUPLE, SAM))).isEmpty();
    }

    @Test
    void aRebuildDeletesTheItemsAndBuildsThemTheSame() {
        live(0, 30);
        CoupleView before = couples.handle(new FindCouple(COUPLE)).orElseThrow();

        couples.reset();
        assertThat(mongo.getCollection("couple_items").countDocuments()).as("items left after a reset").isZero();
        couples.on(new CoupleCreated(COUPLE, ALEX, "Alex", "K7QF-2MZD", T0.plusSeconds(604_800)), 0, ReplayStatus.REPLAY);
        couples.on(new PartnerJoinedCouple(COUPLE, SAM, "Sam"), 1, ReplayStatus.REPLAY);
        sequence = 2;
        appreciateAndBid(0, 30, ReplayStatus.REPLAY);

        assertThat(couples.handle(new FindCouple(COUPLE))).contains(before);
    }

    @Test
    void anOverviewAnEarlierBuildStoredReadsTheSameAndMovesItsListsOutAtItsNextChange() {
        mongo.getCollection("couple_overviews").replaceOne(new Document("_id", COUPLE), Document.parse("""
                {"_id": "couple-1", "partners": [{"partnerId": "partner-alex", "displayName": "Alex"},
                  {"partnerId": "partner-sam", "displayName": "Sam"}], "partnerIds": ["partner-alex", "partner-sam"],
                 "sessions": [
                  {"sessionId": "s-2", "exercise": "CHECK_IN", "status": "RUNNING", "startedAt": {"$date": "2026-01-02T08:00:00Z"}},
                  {"sessionId": "s-1", "exercise": "CHECK_IN", "status": "ENDED", "startedAt": {"$date": "2026-01-01T08:00:00Z"},
                   "endedAt": {"$date": "2026-01-01T09:00:00Z"}}],
                 "therapists": [], "observingTherapistIds": [], "everydayBids": [], "checkIns": [],
                 "appreciations": [{"appreciationId": "a-1", "fromPartnerId": "partner-sam", "toPartnerId": "partner-alex",
                   "words": "thank you", "at": {"$date": "2026-01-01T10:00:00Z"}}],
                 "sharedLists": [], "privateListItems": {"partner-sam:item-9": {"itemId": "item-9", "authorId": "partner-sam",
                   "list": "BOUNDARY", "words": "kept by Sam", "keptAt": {"$date": "2026-01-01T11:00:00Z"}}},
                 "homework": [], "commitments": [], "attendance": [],
                 "applied": {"lastSequenceByAggregate": {"couple-1": 3, "s-1": 5, "s-2": 0}, "version": 6},
                 "_class": "app.duet.query.pairing.CoupleDocument"}"""));
        CoupleView earlier = couples.handle(new FindCouple(COUPLE)).orElseThrow();
        assertThat(earlier.sessions()).extracting("sessionId").containsExactly("s-2", "s-1");
        assertThat(earlier.appreciations()).extracting("words").containsExactly("thank you");
        assertThat(lists.handle(new FindMyListItems(COUPLE, SAM))).extracting(ListItemView::words).containsExactly("kept by Sam");
        int sizeBefore = storedSize();

        coupleSessions.on(new SessionEnded("s-2", ALEX), 7, T0.plusSeconds(86_400 + 3_600), LIVE);

        CoupleView now = couples.handle(new FindCouple(COUPLE)).orElseThrow();
        assertThat(now.sessions()).extracting("sessionId", "status").containsExactly(
                org.assertj.core.groups.Tuple.tuple("s-2", SessionStatus.ENDED),
                org.assertj.core.groups.Tuple.tuple("s-1", SessionStatus.ENDED));
        assertThat(now.appreciations()).isEqualTo(earlier.appreciations());
        assertThat(lists.handle(new FindMyListItems(COUPLE, SAM))).extracting(ListItemView::words).containsExactly("kept by Sam");
        assertThat(lists.handle(new FindMyListItems(COUPLE, ALEX))).isEmpty();
        assertThat(storedSize()).as("the stored overview, its lists moved out").isLessThan(sizeBefore);
        assertThat(mongo.getCollection("couple_items").countDocuments(new Document("coupleId", COUPLE))).isEqualTo(4);
        assertThat(pushed).singleElement().satisfies(change -> assertThat(change.path("changes")).singleElement()
                .satisfies(item -> assertThat(item.path("key").asString()).isEqualTo("s-2")));
    }

    private void live(int from, int to) {
        appreciateAndBid(from, to, LIVE);
    }

    /** Each day, Sam appreciates Alex, and Alex bids and Sam turns toward it. */
    private void appreciateAndBid(int from, int to, ReplayStatus replay) {
        for (int n = from; n < to; n++) {
            Instant at = T0.plusSeconds(86_400L * n);
            everyday.on(new AppreciationExpressed(COUPLE, "appreciation-" + n, SAM, ALEX,
                    "the way you hum while cooking, day " + n), sequence++, at, replay);
            everyday.on(new EverydayBidMade(COUPLE, "bid-" + n, ALEX, SAM, "Call me at lunch? " + n), sequence++,
                    at.plusSeconds(60), replay);
            everyday.on(new EverydayBidAnswered(COUPLE, "bid-" + n, SAM, BidResponse.TOWARD), sequence++,
                    at.plusSeconds(90), replay);
        }
    }

    /** The ids of a list's items over every page, oldest first, as a client paging back from the newest reads them. */
    private static List<String> idsOverAllPages(CoupleView couple, String list, String idField) {
        List<String> ids = new ArrayList<>();
        int page = 0;
        ViewPages.ItemPage items;
        do {
            items = ViewPages.page(couple, ViewShape.COUPLE, list, page++, 70);
            List<String> pageIds = items.items().stream().map(item -> idOf(item, idField)).toList();
            ids.addAll(0, pageIds);
        } while (items.more());
        return ids;
    }

    private static String idOf(Object item, String field) {
        try {
            return (String) item.getClass().getMethod(field).invoke(item);
        } catch (ReflectiveOperationException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }

    private int storedSize() {
        Document stored = mongo.getCollection("couple_overviews").find(new Document("_id", COUPLE)).first();
        return new RawBsonDocument(stored, new DocumentCodec()).getByteBuffer().remaining();
    }
}
