package app.duet.query.pairing;

import app.duet.api.commitment.AppointmentAttended;
import app.duet.api.commitment.AppointmentMissed;
import app.duet.api.commitment.CommitmentAccepted;
import app.duet.api.commitment.CommitmentProposed;
import app.duet.api.commitment.HomeworkDone;
import app.duet.api.commitment.HomeworkSet;
import app.duet.api.everyday.AppreciationExpressed;
import app.duet.api.everyday.EverydayBidAnswered;
import app.duet.api.everyday.EverydayBidMade;
import app.duet.api.everyday.LeanCheckedIn;
import app.duet.api.exercise.Lean;
import app.duet.api.lists.FindMyListItems;
import app.duet.api.lists.ListItemKept;
import app.duet.api.lists.ListItemShared;
import app.duet.api.lists.ListItemView;
import app.duet.api.lists.ListKind;
import app.duet.api.pairing.CoupleView;
import app.duet.api.pairing.FindCouple;
import app.duet.api.session.BidResponse;
import app.duet.api.session.Exercise;
import app.duet.api.session.SessionEnded;
import app.duet.api.exercise.BabyStepCommitted;
import app.duet.api.exercise.BabyStepFollowedUp;
import app.duet.api.session.SessionStarted;
import app.duet.api.session.SessionStatus;
import app.duet.query.live.ViewShape;
import app.duet.query.support.InProcessMongo;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.LocalDate;
import java.util.List;

import static app.duet.query.pairing.CoupleOverviewFixture.ALEX;
import static app.duet.query.pairing.CoupleOverviewFixture.COUPLE;
import static app.duet.query.pairing.CoupleOverviewFixture.LIVE;
import static app.duet.query.pairing.CoupleOverviewFixture.SAM;
import static app.duet.query.pairing.CoupleOverviewFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * Every growing list of the couple's overview is stored apart, one document per item, and read back
 * as it was changed; an overview an earlier build stored, its lists inside it, reads the same and
 * moves them out at its next change.
 */
class CoupleItemsStoredFormTest {


    private CoupleOverviewFixture views;

    @RegisterExtension
    static final InProcessMongo mongo = new InProcessMongo();

    @BeforeEach
    void setUp() {
        views = new CoupleOverviewFixture(mongo.client()).paired(LIVE);
    }

    @Test
    void everyGrowingListIsStoredApartAndReadBackAsChanged() {
        LocalDate day = LocalDate.of(2026, 1, 1);
        views.coupleSessions.on(new SessionStarted("s-1", COUPLE, Exercise.CHECK_IN, List.of(ALEX, SAM), ALEX), 0, T0, LIVE);
        views.babySteps.on(new BabyStepCommitted("s-1", "behaviour-1", SAM, ALEX, false), 1, T0, LIVE);
        views.coupleSessions.on(new SessionEnded("s-1", SAM), 2, T0.plusSeconds(60), LIVE);
        views.babySteps.on(new BabyStepFollowedUp("s-1", "follow-up-1", "behaviour-1", ALEX, true), 3, T0, LIVE);
        views.everyday.on(new EverydayBidMade(COUPLE, "bid-1", ALEX, SAM, "Tea?"), views.next(), T0, LIVE);
        views.everyday.on(new EverydayBidAnswered(COUPLE, "bid-1", SAM, BidResponse.TOWARD), views.next(), T0, LIVE);
        views.everyday.on(new LeanCheckedIn(COUPLE, "check-1", SAM, Lean.IN, 7), views.next(), T0, LIVE);
        views.everyday.on(new AppreciationExpressed(COUPLE, "a-1", SAM, ALEX, "thank you"), views.next(), T0, LIVE);
        views.lists.on(new ListItemKept(COUPLE, "item-1", SAM, ListKind.BOUNDARY, "No phones at dinner"), views.next(), T0);
        views.lists.on(new ListItemShared(COUPLE, "item-1", SAM), views.next(), T0, LIVE);
        views.commitments.on(new HomeworkSet(COUPLE, "hw-1", "therapist-1", "A walk a day", day), views.next(), T0, LIVE);
        views.commitments.on(new HomeworkDone(COUPLE, "hw-1", ALEX), views.next(), LIVE);
        views.commitments.on(new CommitmentProposed(COUPLE, "c-1", "therapist-1", day, day.plusDays(90),
                day.plusDays(60), List.of(day.plusDays(30))), views.next(), LIVE);
        views.commitments.on(new CommitmentAccepted(COUPLE, "c-1", SAM), views.next(), LIVE);
        views.commitments.on(new AppointmentAttended(COUPLE, "m-1", day, List.of(ALEX), "therapist-1"), views.next(), LIVE);
        views.commitments.on(new AppointmentMissed(COUPLE, "m-1", day, SAM), views.next(), LIVE);

        CoupleView couple = views.couples.handle(new FindCouple(COUPLE)).orElseThrow();
        assertThat(couple.sessions()).extracting("sessionId", "status").containsExactly(tuple("s-1", SessionStatus.ENDED));
        assertThat(couple.everydayBids()).extracting("bidId", "response").containsExactly(tuple("bid-1", BidResponse.TOWARD));
        assertThat(couple.checkIns()).extracting("checkInId").containsExactly("check-1");
        assertThat(couple.appreciations()).extracting("appreciationId").containsExactly("a-1");
        assertThat(couple.sharedLists()).extracting("itemId", "sharedAt").containsExactly(tuple("item-1", T0));
        assertThat(couple.homework()).extracting("homeworkId", "doneBy").containsExactly(tuple("hw-1", List.of(ALEX)));
        assertThat(couple.commitments()).extracting("commitmentId", "acceptedBy").containsExactly(tuple("c-1", List.of(SAM)));
        assertThat(couple.attendance()).extracting("meetingId", "missedBy").containsExactly(tuple("m-1", List.of(SAM)));
        assertThat(couple.babySteps()).extracting("behaviourEntryId", "timesDone").containsExactly(tuple("behaviour-1", 1));
        assertThat(couple.babyStepFollowUps()).extracting("followUpId").containsExactly("follow-up-1");
        assertThat(views.storedItems()).as("one document per item of the view's %d lists", ViewShape.COUPLE.lists().size())
                .isEqualTo(ViewShape.COUPLE.lists().size());
        assertThat(views.mongo.getCollection("couple_overviews").find().first().toJson())
                .as("the overview's own document").doesNotContain("Tea?", "thank you", "No phones", "A walk", "m-1")
                .doesNotContain("ENDED");
    }

    @Test
    void anOverviewAnEarlierBuildStoredReadsTheSameAndMovesItsListsOutAtItsNextChange() {
        views.mongo.getCollection("couple_overviews").replaceOne(new Document("_id", COUPLE), Document.parse("""
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
        CoupleView earlier = views.couples.handle(new FindCouple(COUPLE)).orElseThrow();
        assertThat(earlier.sessions()).extracting("sessionId").containsExactly("s-2", "s-1");
        assertThat(earlier.appreciations()).extracting("words").containsExactly("thank you");
        assertThat(views.lists.handle(new FindMyListItems(COUPLE, SAM))).extracting(ListItemView::words).containsExactly("kept by Sam");
        int sizeBefore = views.storedSize();

        views.coupleSessions.on(new SessionEnded("s-2", ALEX), 7, T0.plusSeconds(86_400 + 3_600), LIVE);

        CoupleView now = views.couples.handle(new FindCouple(COUPLE)).orElseThrow();
        assertThat(now.sessions()).extracting("sessionId", "status").containsExactly(
                tuple("s-2", SessionStatus.ENDED),
                tuple("s-1", SessionStatus.ENDED));
        assertThat(now.appreciations()).isEqualTo(earlier.appreciations());
        assertThat(views.lists.handle(new FindMyListItems(COUPLE, SAM))).extracting(ListItemView::words).containsExactly("kept by Sam");
        assertThat(views.lists.handle(new FindMyListItems(COUPLE, ALEX))).isEmpty();
        assertThat(views.storedSize()).as("the stored overview, its lists moved out").isLessThan(sizeBefore);
        assertThat(views.storedItems()).isEqualTo(4);
        assertThat(views.pushed).singleElement().satisfies(change -> assertThat(change.path("changes")).singleElement()
                .satisfies(item -> assertThat(item.path("key").asString()).isEqualTo("s-2")));
    }
}
