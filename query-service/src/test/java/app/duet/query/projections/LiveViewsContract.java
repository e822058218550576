package app.duet.query.projections;

import app.duet.api.pairing.CoupleCreated;
import app.duet.api.pairing.CoupleView;
import app.duet.api.pairing.FindCouple;
import app.duet.api.pairing.FindCoupleOfPartner;
import app.duet.api.pairing.PartnerJoinedCouple;
import app.duet.api.consent.TherapistAccessWithdrawn;
import app.duet.api.consent.TherapistInvited;
import app.duet.api.session.BidAnswered;
import app.duet.api.commitment.CommitmentAccepted;
import app.duet.api.commitment.CommitmentMade;
import app.duet.api.commitment.CommitmentProposed;
import app.duet.api.commitment.CommitmentStatus;
import app.duet.api.everyday.EverydayBidAnswered;
import app.duet.api.everyday.EverydayBidMade;
import app.duet.api.lists.FindMyListItems;
import app.duet.api.lists.ListItemKept;
import app.duet.api.lists.ListItemShared;
import app.duet.api.lists.ListKind;
import app.duet.api.exercise.Lean;
import app.duet.api.everyday.LeanCheckedIn;
import app.duet.api.exercise.LeanRecorded;
import app.duet.api.session.AnswersRevealed;
import app.duet.api.session.AnswersMarkedReady;
import app.duet.api.session.AnswersTakenBack;
import app.duet.api.session.RevealCountdownStarted;
import app.duet.api.session.StepView;
import app.duet.api.session.BidMade;
import app.duet.api.session.EntryDetails;
import app.duet.api.session.DraftView;
import app.duet.api.session.EntryView;
import app.duet.api.session.FindMyDrafts;
import app.duet.api.session.BidResponse;
import app.duet.api.session.Exercise;
import app.duet.api.session.FindSession;
import app.duet.api.session.ObserverView;
import app.duet.api.session.PartnerJoinedSession;
import app.duet.api.session.PartnerLeftSession;
import app.duet.api.session.SessionEnded;
import app.duet.api.session.SessionStarted;
import app.duet.api.session.SessionStatus;
import app.duet.api.session.SessionView;
import app.duet.api.session.TherapistJoinedSession;
import app.duet.query.commitment.CommitmentProjection;
import app.duet.query.everyday.EverydayProjection;
import app.duet.query.exercise.ExerciseProjection;
import app.duet.query.lists.ListsProjection;
import app.duet.query.live.ViewPublisher;
import app.duet.query.pairing.CoupleDocumentRepository;
import app.duet.query.pairing.CoupleItemRepository;
import app.duet.query.pairing.CoupleOverviews;
import app.duet.query.pairing.CoupleProjection;
import app.duet.query.session.CoupleNamesRepository;
import app.duet.query.session.CoupleSessionsProjection;
import app.duet.query.session.SessionDocumentRepository;
import app.duet.query.session.SessionItemRepository;
import app.duet.query.session.SessionNames;
import app.duet.query.session.SessionProjection;
import app.duet.query.session.SessionViews;
import com.mongodb.client.MongoClient;
import org.axonframework.eventhandling.ReplayStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.repository.support.MongoRepositoryFactory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * What the live views must do on any MongoDB: follow the events, apply each one once however often
 * it is delivered, push every change (and nothing while replaying), and come out the same when
 * rebuilt, together or each alone. Run against the in-process stand-in and, where Docker exists, real MongoDB.
 */
abstract class LiveViewsContract {

    private static final String COUPLE = "couple-1";
    private static final String SESSION = "session-1";
    private static final String ALEX = "partner-alex";
    private static final String SAM = "partner-sam";
    private static final Instant T0 = Instant.parse("2026-03-01T19:00:00Z");
    private static final ReplayStatus LIVE = ReplayStatus.REGULAR;

    private ViewPublisher publisher;
    private CoupleProjection couples;
    private CoupleSessionsProjection coupleSessions;
    private EverydayProjection everyday;
    private ListsProjection lists;
    private CommitmentProjection commitments;
    private SessionNames names;
    private SessionProjection sessions;
    private ExerciseProjection exercise;

    protected abstract MongoClient mongo();

    @BeforeEach
    void setUp() {
        MongoTemplate template = new MongoTemplate(mongo(), "views_" + UUID.randomUUID().toString().substring(0, 8));
        MongoRepositoryFactory repositories = new MongoRepositoryFactory(template);
        CoupleDocumentRepository coupleDocuments = repositories.getRepository(CoupleDocumentRepository.class);
        publisher = mock(ViewPublisher.class);
        CoupleOverviews overviews = new CoupleOverviews(coupleDocuments, repositories.getRepository(CoupleItemRepository.class), publisher);
        couples = new CoupleProjection(overviews);
        coupleSessions = new CoupleSessionsProjection(overviews);
        everyday = new EverydayProjection(overviews);
        lists = new ListsProjection(overviews);
        commitments = new CommitmentProjection(overviews);
        names = new SessionNames(repositories.getRepository(CoupleNamesRepository.class));
        SessionDocumentRepository sessionDocuments = repositories.getRepository(SessionDocumentRepository.class);
        SessionViews views = new SessionViews(sessionDocuments, repositories.getRepository(SessionItemRepository.class), publisher);
        sessions = new SessionProjection(sessionDocuments, views, names);
        exercise = new ExerciseProjection(views);
    }

    @Test
    void theSessionViewFollowsPresenceBidsAndAnswers() {
        history(LIVE);

        SessionView view = session();
        assertThat(view.partners()).extracting("displayName", "present")
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Alex", true),
                        org.assertj.core.groups.Tuple.tuple("Sam", false));
        assertThat(view.bids()).singleElement().satisfies(bid -> {
            assertThat(bid.fromPartnerId()).isEqualTo(ALEX);
            assertThat(bid.toPartnerId()).isEqualTo(SAM);
            assertThat(bid.words()).isEqualTo("Tea?");
            assertThat(bid.response()).isEqualTo(BidResponse.TOWARD);
            assertThat(bid.answeredAt()).isEqualTo(T0.plusSeconds(5));
        });
        assertThat(view.version()).isEqualTo(6);
        assertThat(view.status()).isEqualTo(SessionStatus.RUNNING);

        ArgumentCaptor<SessionView> pushed = ArgumentCaptor.forClass(SessionView.class);
        verify(publisher, times(6)).publish(org.mockito.ArgumentMatchers.any(), pushed.capture());
        assertThat(pushed.getAllValues()).extracting(SessionView::version).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    }

    @Test
    void theCoupleOverviewFollowsPairingAndSessions() {
        history(LIVE);
        sessions.on(new SessionEnded(SESSION, SAM), 6, T0.plusSeconds(9), LIVE);
        coupleSessions.on(new SessionEnded(SESSION, SAM), 6, T0.plusSeconds(9), LIVE);

        CoupleView couple = couples.handle(new FindCouple(COUPLE)).orElseThrow();
        assertThat(couple.paired()).isTrue();
        assertThat(couple.partners()).extracting("displayName").containsExactly("Alex", "Sam");
        assertThat(couple.sessions()).singleElement().satisfies(summary -> {
            assertThat(summary.status()).isEqualTo(SessionStatus.ENDED);
            assertThat(summary.endedAt()).isEqualTo(T0.plusSeconds(9));
        });
        assertThat(couple.version()).isEqualTo(4);
        assertThat(couples.handle(new FindCoupleOfPartner(SAM))).contains(couple);
        assertThat(session().partners()).noneMatch(p -> p.present());
    }

    @Test
    void aRedeliveredEventChangesNothingAndPushesNothing() {
        history(LIVE);
        SessionView before = session();

        sessions.on(new BidMade(SESSION, "bid-1", ALEX, SAM, "Tea?"), 4, T0.plusSeconds(4), LIVE);
        sessions.on(new PartnerJoinedSession(SESSION, ALEX), 1, LIVE);
        couples.on(new PartnerJoinedCouple(COUPLE, SAM, "Sam"), 1, LIVE);

        assertThat(session()).isEqualTo(before);
        assertThat(couples.handle(new FindCouple(COUPLE)).orElseThrow().partners()).hasSize(2);
        verify(publisher, times(6)).publish(org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.any(SessionView.class));
    }

    @Test
    void aReplayPushesNothing() {
        history(ReplayStatus.REPLAY);

        assertThat(session().version()).isEqualTo(6);
        verify(publisher, never()).publish(org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.any(SessionView.class));
        verify(publisher, never()).publish(org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.any(CoupleView.class));
    }

    @Test
    void aRebuildGivesTheSameViews() {
        history(LIVE);
        SessionView session = session();
        CoupleView couple = couples.handle(new FindCouple(COUPLE)).orElseThrow();

        sessions.reset();
        names.reset();
        couples.reset();
        assertThat(sessions.handle(new FindSession(SESSION))).isEmpty();
        history(ReplayStatus.REPLAY);

        assertThat(session()).isEqualTo(session);
        assertThat(couples.handle(new FindCouple(COUPLE))).contains(couple);
        verify(publisher, atLeastOnce()).publish(org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.any(CoupleView.class));
    }

    @Test
    void privateAnswersPushNothingAndARevealShowsBothInOnePush() {
        history(LIVE);
        exercise.on(new LeanRecorded(SESSION, COUPLE, "lean-a", ALEX, "lean", Lean.BACK, 4), 6, T0.plusSeconds(10));
        exercise.on(new LeanRecorded(SESSION, COUPLE, "lean-s", SAM, "lean", Lean.IN, 8), 7, T0.plusSeconds(11));
        assertThat(session().version()).as("private answers change no visible version").isEqualTo(6);
        assertThat(session().entries()).isEmpty();
        assertThat(sessions.handle(new FindMyDrafts(SESSION, SAM))).singleElement()
                .satisfies(draft -> assertThat(draft.details()).isInstanceOfSatisfying(EntryDetails.CheckIn.class,
                        details -> assertThat(details.lean()).isEqualTo(Lean.IN)));

        sessions.on(new AnswersMarkedReady(SESSION, "lean", ALEX), 8, LIVE);
        sessions.on(new AnswersTakenBack(SESSION, "lean", ALEX), 9, LIVE);
        sessions.on(new AnswersMarkedReady(SESSION, "lean", ALEX), 10, LIVE);
        sessions.on(new AnswersMarkedReady(SESSION, "lean", SAM), 11, LIVE);
        sessions.on(new RevealCountdownStarted(SESSION, "lean", T0.plusSeconds(20)), 12, T0.plusSeconds(15), LIVE);
        assertThat(sessions.handle(new FindMyDrafts(SESSION, SAM))).singleElement()
                .satisfies(draft -> assertThat(draft.ready()).as("ready, and still Sam's alone").isTrue());
        assertThat(sessions.handle(new FindMyDrafts(SESSION, ALEX))).extracting(DraftView::entryId).containsExactly("lean-a");
        AnswersRevealed reveal = new AnswersRevealed(SESSION, "lean", null, List.of(
                new AnswersRevealed.RevealedEntry(ALEX, "lean-a"), new AnswersRevealed.RevealedEntry(SAM, "lean-s")));
        sessions.on(reveal, 13, T0.plusSeconds(20), LIVE);
        sessions.on(reveal, 13, T0.plusSeconds(20), LIVE);

        ArgumentCaptor<SessionView> pushed = ArgumentCaptor.forClass(SessionView.class);
        verify(publisher, times(12)).publish(org.mockito.ArgumentMatchers.any(), pushed.capture());
        List<SessionView> views = pushed.getAllValues();
        assertThat(views.get(6).steps().get(0).readyBy()).containsExactly(ALEX);
        assertThat(views.get(7).steps().get(0).readyBy()).as("taken back").isEmpty();
        assertThat(views.subList(6, 11)).as("readiness and the countdown show who is ready and when, not what they said")
                .allSatisfy(view -> assertThat(view.entries()).isEmpty());
        assertThat(views.get(10).steps().get(0).readyBy()).containsExactly(ALEX, SAM);
        assertThat(views.get(10).steps().get(0).countdown())
                .isEqualTo(new StepView.Countdown(T0.plusSeconds(15), T0.plusSeconds(20)));
        assertThat(views.get(11).entries()).extracting(EntryView::authorId).containsExactlyInAnyOrder(ALEX, SAM);
        assertThat(views.get(11).steps().get(0).revealedAt()).isEqualTo(T0.plusSeconds(20));
        assertThat(views.get(11).steps().get(0).countdown()).as("over at the reveal").isNull();
        assertThat(sessions.handle(new FindMyDrafts(SESSION, SAM))).isEmpty();
    }

    @Test
    void theCoupleOverviewFollowsLifeBetweenSessionsAndKeptItemsStayWithTheirAuthor() {
        history(LIVE);
        everyday.on(new EverydayBidMade(COUPLE, "bid-e", SAM, ALEX, "Coffee later?"), 2, T0.plusSeconds(30), LIVE);
        everyday.on(new EverydayBidAnswered(COUPLE, "bid-e", ALEX, BidResponse.TOWARD), 3, T0.plusSeconds(31), LIVE);
        everyday.on(new LeanCheckedIn(COUPLE, "check-1", ALEX, Lean.OUT, 2), 4, T0.plusSeconds(32), LIVE);
        lists.on(new ListItemKept(COUPLE, "item-1", SAM, ListKind.BOUNDARY, "No phones at dinner"), 5,
                T0.plusSeconds(33));
        long versionBeforeSharing = couples.handle(new FindCouple(COUPLE)).orElseThrow().version();
        assertThat(couples.handle(new FindCouple(COUPLE)).orElseThrow().toString()).doesNotContain("No phones");
        assertThat(lists.handle(new FindMyListItems(COUPLE, ALEX))).isEmpty();
        assertThat(lists.handle(new FindMyListItems(COUPLE, SAM))).extracting("words").containsExactly("No phones at dinner");

        lists.on(new ListItemShared(COUPLE, "item-1", SAM), 6, T0.plusSeconds(34), LIVE);
        lists.on(new ListItemShared(COUPLE, "item-1", SAM), 6, T0.plusSeconds(34), LIVE);
        commitments.on(new CommitmentProposed(COUPLE, "c-1", "therapist-1", LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 6, 1), LocalDate.of(2026, 5, 1), List.of(LocalDate.of(2026, 4, 1))), 7, LIVE);
        commitments.on(new CommitmentAccepted(COUPLE, "c-1", ALEX), 8, LIVE);
        commitments.on(new CommitmentAccepted(COUPLE, "c-1", SAM), 9, LIVE);
        commitments.on(new CommitmentMade(COUPLE, "c-1", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 6, 1),
                LocalDate.of(2026, 5, 1)), 10, LIVE);

        CoupleView couple = couples.handle(new FindCouple(COUPLE)).orElseThrow();
        assertThat(couple.version()).isEqualTo(versionBeforeSharing + 5);
        assertThat(couple.everydayBids()).singleElement().satisfies(bid -> assertThat(bid.response()).isEqualTo(BidResponse.TOWARD));
        assertThat(couple.checkIns()).singleElement().satisfies(check -> assertThat(check.lean()).isEqualTo(Lean.OUT));
        assertThat(couple.sharedLists()).singleElement().satisfies(item -> assertThat(item.words()).isEqualTo("No phones at dinner"));
        assertThat(lists.handle(new FindMyListItems(COUPLE, SAM))).isEmpty();
        assertThat(couple.commitments()).singleElement().satisfies(commitment -> {
            assertThat(commitment.status()).isEqualTo(CommitmentStatus.MADE);
            assertThat(commitment.acceptedBy()).containsExactly(ALEX, SAM);
        });
    }

    @Test
    void theSessionViewsRebuildAloneTheSameWithNoCoupleOverviewAtAll() {
        history(LIVE);
        SessionView session = session();
        couples.reset();
        sessions.reset();
        names.reset();

        sessionViewsSide(ReplayStatus.REPLAY);

        assertThat(session()).isEqualTo(session);
        assertThat(session().partners()).extracting("displayName").containsExactly("Alex", "Sam");
        assertThat(couples.handle(new FindCouple(COUPLE))).isEmpty();
    }

    @Test
    void theCoupleOverviewRebuildsAloneTheSameWithNoSessionViewAtAll() {
        history(LIVE);
        CoupleView couple = couples.handle(new FindCouple(COUPLE)).orElseThrow();
        couples.reset();
        sessions.reset();
        names.reset();

        coupleOverviewSide(ReplayStatus.REPLAY);

        assertThat(couples.handle(new FindCouple(COUPLE))).contains(couple);
        assertThat(sessions.handle(new FindSession(SESSION))).isEmpty();
    }

    @Test
    void aTherapistIsNamedAsTheCoupleInvitedThemUntilTheirAccessIsWithdrawn() {
        history(LIVE);
        names.on(new TherapistInvited(COUPLE, "therapist-1", "Dr Lee", ALEX), 2);
        sessions.on(new TherapistJoinedSession(SESSION, "therapist-1"), 6, LIVE);
        assertThat(session().observers()).containsExactly(new ObserverView("therapist-1", "Dr Lee"));

        names.on(new TherapistAccessWithdrawn(COUPLE, "therapist-1", SAM), 3);
        names.on(new TherapistInvited(COUPLE, "therapist-1", "Dr Lee", ALEX), 2);

        assertThat(names.therapistName(COUPLE, "therapist-1")).as("a redelivered invitation brings nothing back").isNull();
        assertThat(names.partnerName(COUPLE, SAM)).isEqualTo("Sam");
    }

    /** A couple pairs, starts a session; Alex bids, Sam answers and steps out. */
    private void history(ReplayStatus replay) {
        coupleOverviewSide(replay);
        sessionViewsSide(replay);
    }

    /** The history as the couple overview sees it: pairing and the session starting. */
    private void coupleOverviewSide(ReplayStatus replay) {
        couples.on(new CoupleCreated(COUPLE, ALEX, "Alex", "K7QF-2MZD", T0.plusSeconds(604_800)), 0, replay);
        couples.on(new PartnerJoinedCouple(COUPLE, SAM, "Sam"), 1, replay);
        coupleSessions.on(started(), 0, T0, replay);
    }

    /** The history as the session views see it: the partners' names, then the session itself. */
    private void sessionViewsSide(ReplayStatus replay) {
        names.on(new CoupleCreated(COUPLE, ALEX, "Alex", "K7QF-2MZD", T0.plusSeconds(604_800)), 0);
        names.on(new PartnerJoinedCouple(COUPLE, SAM, "Sam"), 1);
        sessions.on(started(), 0, T0, replay);
        sessions.on(new PartnerJoinedSession(SESSION, ALEX), 1, replay);
        sessions.on(new PartnerJoinedSession(SESSION, SAM), 2, replay);
        sessions.on(new BidMade(SESSION, "bid-1", ALEX, SAM, "Tea?"), 3, T0.plusSeconds(4), replay);
        sessions.on(new BidAnswered(SESSION, "bid-1", SAM, BidResponse.TOWARD), 4, T0.plusSeconds(5), replay);
        sessions.on(new PartnerLeftSession(SESSION, SAM), 5, replay);
    }

    private static SessionStarted started() {
        return new SessionStarted(SESSION, COUPLE, Exercise.CHECK_IN, List.of(ALEX, SAM), ALEX);
    }

    private SessionView session() {
        return sessions.handle(new FindSession(SESSION)).orElseThrow();
    }
}
