package app.duet.query.pairing;

import app.duet.api.commitment.AttendanceView;
import app.duet.api.commitment.CommitmentView;
import app.duet.api.commitment.HomeworkView;
import app.duet.api.consent.TherapistAccess;
import app.duet.api.consent.TherapistView;
import app.duet.api.everyday.AppreciationView;
import app.duet.api.everyday.LeanView;
import app.duet.api.lists.ListItemView;
import app.duet.api.pairing.CoupleView;
import app.duet.api.pairing.PartnerView;
import app.duet.api.session.BidView;
import app.duet.api.session.SessionSummaryView;
import app.duet.query.live.AppliedEvents;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * A couple's overview as stored: partners, invitation, sessions, therapists, and the life between
 * sessions. Each feature's projection builds its own items and keeps them here through these
 * methods (by {@link CoupleOverviews}); the document holds them and says what its view shows.
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
    private List<SessionSummaryView> sessions = new ArrayList<>();
    private List<TherapistView> therapists = new ArrayList<>();
    /** The therapists whose access is active, indexed for the caseload query. */
    @Indexed
    private List<String> observingTherapistIds = new ArrayList<>();
    private List<BidView> everydayBids = new ArrayList<>();
    private List<LeanView> checkIns = new ArrayList<>();
    private List<AppreciationView> appreciations = new ArrayList<>();
    private List<ListItemView> sharedLists = new ArrayList<>();
    /** List items their authors have not shared, by author and id: read only by the author (see {@link #privateItemsOf}). */
    private Map<String, ListItemView> privateListItems = new HashMap<>();
    private List<HomeworkView> homework = new ArrayList<>();
    private List<CommitmentView> commitments = new ArrayList<>();
    private List<AttendanceView> attendance = new ArrayList<>();
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

    /** Newest first. */
    public void addSession(SessionSummaryView session) {
        sessions.add(0, session);
    }

    public void updateSession(String sessionId, UnaryOperator<SessionSummaryView> change) {
        replace(sessions, session -> session.sessionId().equals(sessionId), change);
    }

    // --- therapists -----------------------------------------------------------------------------

    public void addTherapist(TherapistView therapist) {
        therapists.add(therapist);
        indexObservers();
    }

    public void updateTherapist(String therapistId, UnaryOperator<TherapistView> change) {
        replace(therapists, therapist -> therapist.therapistId().equals(therapistId), change);
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

    // --- between sessions -----------------------------------------------------------------------

    public void addEverydayBid(BidView bid) {
        everydayBids.add(bid);
    }

    public void updateEverydayBid(String bidId, UnaryOperator<BidView> change) {
        replace(everydayBids, bid -> bid.bidId().equals(bidId), change);
    }

    public void addCheckIn(LeanView checkIn) {
        checkIns.add(checkIn);
    }

    public void addAppreciation(AppreciationView appreciation) {
        appreciations.add(appreciation);
    }

    // --- lists ----------------------------------------------------------------------------------

    /** An item its author keeps to themselves: never part of the view. */
    public void keepPrivately(ListItemView item) {
        privateListItems.put(itemKey(item.authorId(), item.itemId()), item);
    }

    /** The author's private item, taken out of their own list (to be shared), if they have it. */
    public Optional<ListItemView> takePrivateItem(String authorId, String itemId) {
        return Optional.ofNullable(privateListItems.remove(itemKey(authorId, itemId)));
    }

    public void addSharedItem(ListItemView item) {
        sharedLists.add(item);
    }

    /** Says whether the couple's shared view changed (a private item's removal changes only its author's list). */
    public boolean dropListItem(String itemId, String authorId) {
        privateListItems.remove(itemKey(authorId, itemId));
        return sharedLists.removeIf(item -> item.itemId().equals(itemId) && item.authorId().equals(authorId));
    }

    public List<ListItemView> privateItemsOf(String authorId) {
        return privateListItems.values().stream().filter(item -> item.authorId().equals(authorId))
                .sorted(Comparator.comparing(ListItemView::keptAt)).toList();
    }

    /** Mongo field names may not contain dots; ids are UUID-like, so a colon is safe. */
    private static String itemKey(String authorId, String itemId) {
        return authorId + ":" + itemId;
    }

    // --- homework, commitments, attendance ------------------------------------------------------

    public void addHomework(HomeworkView set) {
        homework.add(set);
    }

    public void updateHomework(String homeworkId, UnaryOperator<HomeworkView> change) {
        replace(homework, h -> h.homeworkId().equals(homeworkId), change);
    }

    public void addCommitment(CommitmentView commitment) {
        commitments.add(commitment);
    }

    public void updateCommitment(String commitmentId, UnaryOperator<CommitmentView> change) {
        replace(commitments, c -> c.commitmentId().equals(commitmentId), change);
    }

    public void addAttendance(AttendanceView meeting) {
        attendance.add(meeting);
    }

    public void updateAttendance(String meetingId, UnaryOperator<AttendanceView> change) {
        replace(attendance, a -> a.meetingId().equals(meetingId), change);
    }

    private static <T> void replace(List<T> items, Predicate<T> which, UnaryOperator<T> change) {
        items.replaceAll(item -> which.test(item) ? change.apply(item) : item);
    }

    AppliedEvents applied() {
        return applied;
    }

    public CoupleView toView() {
        return new CoupleView(coupleId, List.copyOf(partners), invitationCode, partners.size() == 2,
                List.copyOf(sessions), List.copyOf(therapists), List.copyOf(everydayBids), List.copyOf(checkIns),
                List.copyOf(appreciations), List.copyOf(sharedLists), List.copyOf(homework),
                List.copyOf(commitments), List.copyOf(attendance), applied.version());
    }
}
