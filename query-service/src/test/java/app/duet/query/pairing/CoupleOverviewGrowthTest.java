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
import app.duet.api.pairing.CoupleView;
import app.duet.api.pairing.FindCouple;
import app.duet.api.pairing.FindCoupleMembers;
import app.duet.api.pairing.PartnerView;
import app.duet.api.privacy.CoupleErased;
import app.duet.api.session.BidResponse;
import app.duet.query.live.ViewPages;
import app.duet.query.live.ViewShape;
import app.duet.query.support.InProcessMongo;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.axonframework.eventhandling.ReplayStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static app.duet.query.pairing.CoupleOverviewFixture.ALEX;
import static app.duet.query.pairing.CoupleOverviewFixture.COUPLE;
import static app.duet.query.pairing.CoupleOverviewFixture.LIVE;
import static app.duet.query.pairing.CoupleOverviewFixture.SAM;
import static app.duet.query.pairing.CoupleOverviewFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A couple's overview costs the same to change however long the couple's history: its stored
 * document stays the same size, its growing lists' items stored apart, while clients still read
 * every item, page by page, and are pushed only what changed. What a partner keeps to themselves
 * reaches nobody else, and an erased couple leaves no item behind.
 */
class CoupleOverviewGrowthTest {


    private CoupleOverviewFixture views;

    /** Finds MongoDB was asked for on the couple's items, by every client of this test. */
    private static final AtomicInteger itemFinds = new AtomicInteger();
    @RegisterExtension
    static final InProcessMongo mongo = new InProcessMongo(settings -> settings.addCommandListener(new CommandListener() {
        @Override
        public void commandStarted(CommandStartedEvent started) {
            if (started.getCommandName().equals("find")
                    && "couple_items".equals(started.getCommand().getString("find").getValue())) {
                itemFinds.incrementAndGet();
            }
        }
    }));

    @BeforeEach
    void setUp() {
        views = new CoupleOverviewFixture(mongo.client()).paired(LIVE);
    }

    @Test
    void theStoredOverviewIsAsLargeAfter500AppreciationsAndBidsAsAfter10() {
        live(0, 10);
        int after10 = views.storedSize();
        live(10, 500);
        int after500 = views.storedSize();

        assertThat(after500).as("bytes of the couple's stored overview after 500 appreciations and bids, against after 10")
                .isEqualTo(after10);
        assertThat(views.storedItems()).as("one document per item, apart").isEqualTo(1_000);
    }

    @Test
    void everyItemIsReadInOrderPageByPageAndEachPushCarriesOnlyWhatChanged() {
        live(0, 500);
        CoupleView couple = views.couples.handle(new FindCouple(COUPLE)).orElseThrow();
        List<String> expected = IntStream.range(0, 500).mapToObj(n -> "appreciation-" + n).toList();

        assertThat(idsOverAllPages(couple, "appreciations", "appreciationId")).isEqualTo(expected);
        assertThat(idsOverAllPages(couple, "everydayBids", "bidId"))
                .isEqualTo(IntStream.range(0, 500).mapToObj(n -> "bid-" + n).toList());
        assertThat(ViewPages.window(couple, ViewShape.COUPLE).appreciations()).extracting("appreciationId")
                .as("the overview over REST holds the newest " + ViewPages.WINDOW)
                .isEqualTo(expected.subList(500 - ViewPages.WINDOW, 500));
        assertThat(couple.everydayBids()).allSatisfy(bid -> assertThat(bid.response()).isEqualTo(BidResponse.TOWARD));

        JsonNode last = views.pushed.get(views.pushed.size() - 1);
        assertThat(last.path("version").asLong()).isEqualTo(couple.version());
        assertThat(last.path("changes")).singleElement().satisfies(change -> {
            assertThat(change.path("list").asString()).isEqualTo("everydayBids");
            assertThat(change.path("key").asString()).isEqualTo("bid-499");
            assertThat(change.path("item").path("response").asString()).isEqualTo("TOWARD");
        });
        assertThat(views.pushed).allSatisfy(change -> assertThat(change.path("changes").size()).isLessThanOrEqualTo(1));
    }

    @Test
    void whatAPartnerKeepsReachesNobodyElseAndAnErasedCoupleLeavesNoItem() {
        keep("item-1", SAM, "No phones at dinner");
        keep("item-2", SAM, "Sam's unshared need");
        keep("item-3", ALEX, "Alex's unshared need");
        views.lists.on(new ListItemShared(COUPLE, "item-1", SAM), views.next(), T0.plusSeconds(3), LIVE);
        keep("item-4", ALEX, "dropped before sharing");
        views.lists.on(new ListItemDropped(COUPLE, "item-4", ALEX), views.next(), LIVE);
        live(0, 60);

        CoupleView couple = views.couples.handle(new FindCouple(COUPLE)).orElseThrow();
        String everythingShown = couple + " " + ViewPages.page(couple, ViewShape.COUPLE, "sharedLists", 0, 100);
        assertThat(couple.sharedLists()).extracting(ListItemView::words).containsExactly("No phones at dinner");
        assertThat(everythingShown + views.pushed)
                .as("the view and its pages, as partners and the therapist read them, and every push")
                .doesNotContain("unshared", "dropped before sharing");
        assertThat(views.lists.handle(new FindMyListItems(COUPLE, SAM))).extracting(ListItemView::words)
                .containsExactly("Sam's unshared need");
        assertThat(views.lists.handle(new FindMyListItems(COUPLE, ALEX))).extracting(ListItemView::words)
                .containsExactly("Alex's unshared need");

        views.couples.on(new CoupleErased(COUPLE, SAM));

        assertThat(views.couples.handle(new FindCouple(COUPLE))).isEmpty();
        assertThat(views.mongo.getCollection("couple_items").countDocuments()).as("items left of the erased couple").isZero();
        assertThat(views.lists.handle(new FindMyListItems(COUPLE, SAM))).isEmpty();
    }

    @Test
    void aRebuildDeletesTheItemsAndBuildsThemTheSame() {
        live(0, 30);
        CoupleView before = views.couples.handle(new FindCouple(COUPLE)).orElseThrow();

        views.couples.reset();
        assertThat(views.mongo.getCollection("couple_items").countDocuments()).as("items left after a reset").isZero();
        views.paired(ReplayStatus.REPLAY);
        appreciateAndBid(0, 30, ReplayStatus.REPLAY);

        assertThat(views.couples.handle(new FindCouple(COUPLE))).contains(before);
    }

    /** Who may read is decided from the partners and therapists alone: however long the history, no item is read for it. */
    @Test
    void whoMayReadIsDecidedWithoutReadingAnyItem() {
        live(0, 50);
        itemFinds.set(0);

        CoupleView members = views.couples.handle(new FindCoupleMembers(COUPLE)).orElseThrow();

        assertThat(itemFinds).as("finds on couple_items").hasValue(0);
        assertThat(members.partners()).extracting(PartnerView::partnerId).containsExactly(ALEX, SAM);
        assertThat(members.appreciations()).isEmpty();
        assertThat(members.everydayBids()).isEmpty();
        assertThat(views.couples.handle(new FindCouple(COUPLE)).orElseThrow().appreciations()).hasSize(50);
        assertThat(itemFinds.get()).as("the whole overview does read them").isPositive();
    }

    private void keep(String itemId, String authorId, String words) {
        views.lists.on(new ListItemKept(COUPLE, itemId, authorId, ListKind.BOUNDARY, words), views.next(), T0);
    }

    private void live(int from, int to) {
        appreciateAndBid(from, to, LIVE);
    }

    /** Each day, Sam appreciates Alex, and Alex bids and Sam turns toward it. */
    private void appreciateAndBid(int from, int to, ReplayStatus replay) {
        for (int n = from; n < to; n++) {
            Instant at = T0.plusSeconds(86_400L * n);
            views.everyday.on(new AppreciationExpressed(COUPLE, "appreciation-" + n, SAM, ALEX,
                    "the way you hum while cooking, day " + n), views.next(), at, replay);
            views.everyday.on(new EverydayBidMade(COUPLE, "bid-" + n, ALEX, SAM, "Call me at lunch? " + n), views.next(),
                    at.plusSeconds(60), replay);
            views.everyday.on(new EverydayBidAnswered(COUPLE, "bid-" + n, SAM, BidResponse.TOWARD), views.next(),
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
}
