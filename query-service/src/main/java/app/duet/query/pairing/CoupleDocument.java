package app.duet.query.pairing;

import app.duet.api.commitment.AttendanceView;
import app.duet.api.commitment.CommitmentView;
import app.duet.api.commitment.HomeworkView;
import app.duet.api.consent.TherapistAccess;
import app.duet.api.consent.TherapistView;
import app.duet.api.everyday.AppreciationView;
import app.duet.api.everyday.LeanView;
import app.duet.api.exercise.BabyStepFollowUpView;
import app.duet.api.exercise.CommittedStepView;
import app.duet.api.lists.ListItemView;
import app.duet.api.pairing.CoupleView;
import app.duet.api.pairing.PartnerView;
import app.duet.api.session.BidView;
import app.duet.api.session.SessionSummaryView;
import app.duet.query.live.AppliedEvents;
import app.duet.query.live.HeldItems;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import static app.duet.query.pairing.CoupleLists.APPRECIATIONS;
import static app.duet.query.pairing.CoupleLists.ATTENDANCE;
import static app.duet.query.pairing.CoupleLists.BABY_STEPS;
import static app.duet.query.pairing.CoupleLists.CHECK_INS;
import static app.duet.query.pairing.CoupleLists.COMMITMENTS;
import static app.duet.query.pairing.CoupleLists.EVERYDAY_BIDS;
import static app.duet.query.pairing.CoupleLists.FOLLOW_UPS;
import static app.duet.query.pairing.CoupleLists.HOMEWORK;
import static app.duet.query.pairing.CoupleLists.PRIVATE;
import static app.duet.query.pairing.CoupleLists.SESSIONS;
import static app.duet.query.pairing.CoupleLists.SHARED;

/**
 * A couple's overview as stored: partners, invitation, therapists, and the order of the next item of
 * its growing lists (sessions and the life between sessions), whose items are stored apart, one
 * document each ({@link CoupleItem}), so the document stays the same size however long the couple's
 * history. Each feature's projection builds its own items and keeps them here through these methods
 * (by {@link CoupleOverviews}); the document holds them and says what its view shows.
 */
@Document("couple_overviews")
@CompoundIndex(name = "session", def = "{'sessions.sessionId': 1}")
public class CoupleDocument {

    @Id
    private String coupleId;
    private List<PartnerView> partners = new ArrayList<>();
    @Indexed
    private List<String> partnerIds = new ArrayList<>();
    private String invitationCode;
    private List<TherapistView> therapists = new ArrayList<>();
    /** The therapists whose access is active, indexed for the caseload query. */
    @Indexed
    private List<String> observingTherapistIds = new ArrayList<>();
    /** The growing lists, stored apart. */
    private CoupleItemsHeld items = new CoupleItemsHeld();
    /** Lists an earlier build kept in this document; moved out to {@link CoupleItem}s when read, then null (not stored). */
    private List<SessionSummaryView> sessions;
    private List<BidView> everydayBids;
    private List<LeanView> checkIns;
    private List<AppreciationView> appreciations;
    private List<ListItemView> sharedLists;
    private Map<String, ListItemView> privateListItems;
    private List<HomeworkView> homework;
    private List<CommitmentView> commitments;
    private List<AttendanceView> attendance;
    private AppliedEvents applied = new AppliedEvents();

    protected CoupleDocument() {
    }

    CoupleDocument(String coupleId, String invitationCode) {
        this.coupleId = coupleId;
        this.invitationCode = invitationCode;
    }

    /** Once both partners are in, the invitation code is spent and leaves the view. */
    void addPartner(String partnerId, String displayName) {
        partners.add(new PartnerView(partnerId, displayName));
        partnerIds.add(partnerId);
        if (partners.size() == 2) {
            invitationCode = null;
        }
    }

    // --- sessions -------------------------------------------------------------------------------

    /** Shown newest first. */
    public void addSession(SessionSummaryView session) {
        items.add(coupleId, SESSIONS, session.sessionId(), session);
    }

    public void updateSession(String sessionId, UnaryOperator<SessionSummaryView> change) {
        items.update(coupleId, SESSIONS, sessionId, SessionSummaryView.class, change);
    }

    // --- therapists -----------------------------------------------------------------------------

    public void addTherapist(TherapistView therapist) {
        therapists.add(therapist);
        indexObservers();
    }

    public void updateTherapist(String therapistId, UnaryOperator<TherapistView> change) {
        therapists.replaceAll(therapist -> therapist.therapistId().equals(therapistId) ? change.apply(therapist) : therapist);
        indexObservers();
    }

    public void removeTherapist(String therapistId) {
        therapists.removeIf(therapist -> therapist.therapistId().equals(therapistId));
        indexObservers();
    }

    /** The caseload's index follows the therapists' access; whether that lets one observe is decided in access. */
    private void indexObservers() {
        observingTherapistIds = new ArrayList<>(therapists.stream().filter(t -> t.access() == TherapistAccess.ACTIVE)
                .map(TherapistView::therapistId).toList());
    }

    public List<TherapistView> therapists() {
        return List.copyOf(therapists);
    }

    // --- between sessions -----------------------------------------------------------------------

    public void addEverydayBid(BidView bid) {
        items.add(coupleId, EVERYDAY_BIDS, bid.bidId(), bid);
    }

    public void updateEverydayBid(String bidId, UnaryOperator<BidView> change) {
        items.update(coupleId, EVERYDAY_BIDS, bidId, BidView.class, change);
    }

    public void addCheckIn(LeanView checkIn) {
        items.add(coupleId, CHECK_INS, checkIn.checkInId(), checkIn);
    }

    public void addAppreciation(AppreciationView appreciation) {
        items.add(coupleId, APPRECIATIONS, appreciation.appreciationId(), appreciation);
    }

    // --- lists ----------------------------------------------------------------------------------

    /** An item its author keeps to themselves: never part of the view. */
    public void keepPrivately(ListItemView item) {
        items.add(coupleId, PRIVATE, itemKey(item.authorId(), item.itemId()), item);
    }

    /** The author's private item, taken out of their own list (to be shared), if they have it. */
    public Optional<ListItemView> takePrivateItem(String authorId, String itemId) {
        return items.take(coupleId, PRIVATE, itemKey(authorId, itemId), ListItemView.class);
    }

    public void addSharedItem(ListItemView item) {
        items.add(coupleId, SHARED, itemKey(item.authorId(), item.itemId()), item);
    }

    /** Says whether the couple's shared view changed (a private item's removal changes only its author's list). */
    public boolean dropListItem(String itemId, String authorId) {
        takePrivateItem(authorId, itemId);
        return items.take(coupleId, SHARED, itemKey(authorId, itemId), ListItemView.class).isPresent();
    }

    public List<ListItemView> privateItemsOf(String authorId) {
        return items.all(PRIVATE, ListItemView.class).stream().filter(item -> item.authorId().equals(authorId))
                .sorted(Comparator.comparing(ListItemView::keptAt)).toList();
    }

    /** Ids are UUID-like, so a colon is safe. */
    private static String itemKey(String authorId, String itemId) {
        return authorId + ":" + itemId;
    }

    // --- homework, commitments, attendance ------------------------------------------------------

    public void addHomework(HomeworkView set) {
        items.add(coupleId, HOMEWORK, set.homeworkId(), set);
    }

    public void updateHomework(String homeworkId, UnaryOperator<HomeworkView> change) {
        items.update(coupleId, HOMEWORK, homeworkId, HomeworkView.class, change);
    }

    public void addCommitment(CommitmentView commitment) {
        items.add(coupleId, COMMITMENTS, commitment.commitmentId(), commitment);
    }

    public void updateCommitment(String commitmentId, UnaryOperator<CommitmentView> change) {
        items.update(coupleId, COMMITMENTS, commitmentId, CommitmentView.class, change);
    }

    public void addAttendance(AttendanceView meeting) {
        items.add(coupleId, ATTENDANCE, meeting.meetingId(), meeting);
    }

    public void updateAttendance(String meetingId, UnaryOperator<AttendanceView> change) {
        items.update(coupleId, ATTENDANCE, meetingId, AttendanceView.class, change);
    }

    // --- baby steps committed in sessions, followed through between them -----------------------

    /** A step is known by its session, who committed to it and the behaviour it takes up. */
    public void addBabyStep(CommittedStepView step) {
        items.add(coupleId, BABY_STEPS, stepKey(step.sessionId(), step.committedBy(), step.behaviourEntryId()), step);
    }

    /** Counts the follow-up on its step and adds it to their history. */
    public void followUpBabyStep(BabyStepFollowUpView followUp) {
        items.update(coupleId, BABY_STEPS, stepKey(followUp.sessionId(), followUp.committedBy(),
                followUp.behaviourEntryId()), CommittedStepView.class, step -> step.followedUp(followUp.done(), followUp.at()));
        items.add(coupleId, FOLLOW_UPS, followUp.followUpId(), followUp);
    }

    private static String stepKey(String sessionId, String committedBy, String behaviourEntryId) {
        return sessionId + ":" + committedBy + ":" + behaviourEntryId;
    }

    // --- storing and viewing --------------------------------------------------------------------

    String coupleId() {
        return coupleId;
    }

    AppliedEvents applied() {
        return applied;
    }

    /**
     * Reads its stored items through {@code reader}; those an earlier build kept in the document are
     * stored apart at the next save, as they are (nothing about them is pushed).
     */
    CoupleDocument readingFrom(CoupleItems.Reader reader) {
        items.readFrom(reader);
        // Stored oldest first, as every list is; an earlier build kept them newest first.
        CoupleViewParts.reversed(earlier(sessions)).forEach(s -> items.keepAsStored(coupleId, SESSIONS, s.sessionId(), s));
        earlier(everydayBids).forEach(bid -> items.keepAsStored(coupleId, EVERYDAY_BIDS, bid.bidId(), bid));
        earlier(checkIns).forEach(checkIn -> items.keepAsStored(coupleId, CHECK_INS, checkIn.checkInId(), checkIn));
        earlier(appreciations).forEach(a -> items.keepAsStored(coupleId, APPRECIATIONS, a.appreciationId(), a));
        earlier(sharedLists).forEach(i -> items.keepAsStored(coupleId, SHARED, itemKey(i.authorId(), i.itemId()), i));
        earlier(privateListItems == null ? null : List.copyOf(privateListItems.values())).stream()
                .sorted(Comparator.comparing(ListItemView::keptAt))
                .forEach(i -> items.keepAsStored(coupleId, PRIVATE, itemKey(i.authorId(), i.itemId()), i));
        earlier(homework).forEach(set -> items.keepAsStored(coupleId, HOMEWORK, set.homeworkId(), set));
        earlier(commitments).forEach(c -> items.keepAsStored(coupleId, COMMITMENTS, c.commitmentId(), c));
        earlier(attendance).forEach(meeting -> items.keepAsStored(coupleId, ATTENDANCE, meeting.meetingId(), meeting));
        sessions = null;
        everydayBids = null;
        checkIns = null;
        appreciations = null;
        sharedLists = null;
        privateListItems = null;
        homework = null;
        commitments = null;
        attendance = null;
        return this;
    }

    private static <T> List<T> earlier(List<T> items) {
        return items == null ? List.of() : items;
    }

    HeldItems.Changed<CoupleItem> takeChanged() {
        return items.takeChanged();
    }

    /** The whole view, its lists read from where they are stored. */
    public CoupleView toView() {
        return view(items.shown());
    }

    /** The view's small part with none of its lists' items: what a push compares, taken before a change. */
    CoupleView summary() {
        return view(Map.of());
    }

    /** The view with only the items this change touched, as they were (previous) or are now: what a push compares. */
    CoupleView changedPart(CoupleView summary, boolean previous) {
        return CoupleViewParts.changedPart(summary, view(items.touched(previous)));
    }

    private CoupleView view(Map<String, List<Object>> lists) {
        return CoupleViewParts.view(coupleId, List.copyOf(partners), invitationCode, List.copyOf(therapists), lists,
                applied.version());
    }
}
