package app.duet.query.pairing;

import app.duet.api.pairing.CoupleView;
import app.duet.api.pairing.PartnerView;
import app.duet.api.session.SessionSummary;
import app.duet.api.consent.TherapistAccess;
import app.duet.api.consent.TherapistView;
import app.duet.api.session.Exercise;
import app.duet.api.session.SessionStatus;
import app.duet.query.live.AppliedEvents;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import app.duet.api.commitment.AttendanceView;
import app.duet.api.commitment.CheckpointOutcome;
import app.duet.api.commitment.CheckpointView;
import app.duet.api.commitment.CommitmentOutcome;
import app.duet.api.commitment.CommitmentStatus;
import app.duet.api.commitment.CommitmentView;
import app.duet.api.commitment.HomeworkView;
import app.duet.api.everyday.AppreciationView;
import app.duet.api.everyday.LeanView;
import app.duet.api.lists.ListItemView;
import app.duet.api.lists.ListKind;
import app.duet.api.exercise.Lean;
import app.duet.api.session.BidResponse;
import app.duet.api.session.BidView;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;

/** A couple's overview as stored: partners, invitation, sessions, therapists, and the life between sessions. */
@Document("couple_overviews")
@CompoundIndex(name = "session", def = "{'sessions.sessionId': 1}")
public class CoupleDocument {

    @Id
    private String coupleId;
    private List<PartnerView> partners = new ArrayList<>();
    @Indexed
    private List<String> partnerIds = new ArrayList<>();
    private String invitationCode;
    private List<SessionSummary> sessions = new ArrayList<>();
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

    void addSession(String sessionId, Exercise exercise, Instant startedAt) {
        sessions.add(0, new SessionSummary(sessionId, exercise, SessionStatus.RUNNING, startedAt, null));
    }

    void endSession(String sessionId, Instant endedAt) {
        sessions.replaceAll(session -> session.sessionId().equals(sessionId)
                ? new SessionSummary(sessionId, session.exercise(), SessionStatus.ENDED, session.startedAt(), endedAt)
                : session);
    }

    void inviteTherapist(String therapistId, String name, String invitedBy) {
        therapists.add(new TherapistView(therapistId, name, TherapistAccess.INVITED, invitedBy));
    }

    void grantTherapist(String therapistId) {
        therapists.replaceAll(t -> t.therapistId().equals(therapistId)
                ? new TherapistView(therapistId, t.therapistName(), TherapistAccess.ACTIVE, t.invitedBy()) : t);
        indexObservers();
    }

    void withdrawTherapist(String therapistId) {
        therapists.removeIf(t -> t.therapistId().equals(therapistId));
        indexObservers();
    }

    /** The caseload's index follows the therapists' access; whether that lets one observe is decided in access. */
    private void indexObservers() {
        observingTherapistIds = new ArrayList<>(therapists.stream().filter(t -> t.access() == TherapistAccess.ACTIVE)
                .map(TherapistView::therapistId).toList());
    }

    // --- between sessions -----------------------------------------------------------------------

    void addEverydayBid(String bidId, String from, String to, String words, Instant at) {
        everydayBids.add(new BidView(bidId, from, to, words, at, null, null));
    }

    void answerEverydayBid(String bidId, BidResponse response, Instant at) {
        everydayBids.replaceAll(bid -> bid.bidId().equals(bidId) ? new BidView(bid.bidId(), bid.fromPartnerId(),
                bid.toPartnerId(), bid.words(), bid.madeAt(), response, at) : bid);
    }

    void checkIn(String checkInId, String partnerId, Lean lean, int energy, Instant at) {
        checkIns.add(new LeanView(checkInId, partnerId, lean, energy, at));
    }

    void appreciate(String appreciationId, String from, String to, String words, Instant at) {
        appreciations.add(new AppreciationView(appreciationId, from, to, words, at));
    }

    void keepListItem(String itemId, String authorId, ListKind list, String words, Instant at) {
        privateListItems.put(itemKey(authorId, itemId), new ListItemView(itemId, authorId, list, words, at, null));
    }

    void shareListItem(String itemId, String authorId, Instant at) {
        ListItemView item = privateListItems.remove(itemKey(authorId, itemId));
        if (item != null) {
            sharedLists.add(new ListItemView(itemId, authorId, item.list(), item.words(), item.keptAt(), at));
        }
    }

    /** Says whether the couple's shared view changed (a private item's removal changes only its author's list). */
    boolean dropListItem(String itemId, String authorId) {
        privateListItems.remove(itemKey(authorId, itemId));
        return sharedLists.removeIf(item -> item.itemId().equals(itemId) && item.authorId().equals(authorId));
    }

    List<ListItemView> privateItemsOf(String authorId) {
        return privateListItems.values().stream().filter(item -> item.authorId().equals(authorId))
                .sorted(java.util.Comparator.comparing(ListItemView::keptAt)).toList();
    }

    /** Mongo field names may not contain dots; ids are UUID-like, so a colon is safe. */
    private static String itemKey(String authorId, String itemId) {
        return authorId + ":" + itemId;
    }

    // --- homework, commitments, attendance ------------------------------------------------------

    void setHomework(String homeworkId, String words, LocalDate dueOn, Instant at) {
        homework.add(new HomeworkView(homeworkId, words, dueOn, at, List.of()));
    }

    void homeworkDone(String homeworkId, String partnerId) {
        homework.replaceAll(h -> h.homeworkId().equals(homeworkId) ? new HomeworkView(h.homeworkId(), h.words(),
                h.dueOn(), h.setAt(), append(h.doneBy(), partnerId)) : h);
    }

    void proposeCommitment(String commitmentId, String proposedBy, LocalDate startsOn, LocalDate endsOn,
                           LocalDate improvementBy, List<LocalDate> checkpoints) {
        commitments.add(new CommitmentView(commitmentId, proposedBy, startsOn, endsOn, improvementBy,
                checkpoints.stream().map(day -> new CheckpointView(day, null)).toList(), List.of(),
                CommitmentStatus.PROPOSED, null));
    }

    void adjustCommitment(String commitmentId, LocalDate endsOn, LocalDate improvementBy) {
        updateCommitment(commitmentId, c -> new CommitmentView(c.commitmentId(), c.proposedBy(), c.startsOn(), endsOn,
                improvementBy, c.checkpoints(), List.of(), CommitmentStatus.PROPOSED, null));
    }

    void acceptCommitment(String commitmentId, String partnerId) {
        updateCommitment(commitmentId, c -> new CommitmentView(c.commitmentId(), c.proposedBy(), c.startsOn(),
                c.endsOn(), c.improvementBy(), c.checkpoints(), append(c.acceptedBy(), partnerId), c.status(), null));
    }

    void commitmentMade(String commitmentId) {
        updateCommitment(commitmentId, c -> new CommitmentView(c.commitmentId(), c.proposedBy(), c.startsOn(),
                c.endsOn(), c.improvementBy(), c.checkpoints(), c.acceptedBy(), CommitmentStatus.MADE, null));
    }

    void reviewCheckpoint(String commitmentId, LocalDate day, CheckpointOutcome outcome) {
        updateCommitment(commitmentId, c -> new CommitmentView(c.commitmentId(), c.proposedBy(), c.startsOn(),
                c.endsOn(), c.improvementBy(), c.checkpoints().stream()
                .map(point -> point.day().equals(day) ? new CheckpointView(day, outcome) : point).toList(),
                c.acceptedBy(), c.status(), null));
    }

    void concludeCommitment(String commitmentId, CommitmentOutcome outcome) {
        updateCommitment(commitmentId, c -> new CommitmentView(c.commitmentId(), c.proposedBy(), c.startsOn(),
                c.endsOn(), c.improvementBy(), c.checkpoints(), c.acceptedBy(), CommitmentStatus.CONCLUDED, outcome));
    }

    private void updateCommitment(String commitmentId, java.util.function.UnaryOperator<CommitmentView> change) {
        commitments.replaceAll(c -> c.commitmentId().equals(commitmentId) ? change.apply(c) : c);
    }

    void recordAttendance(String meetingId, LocalDate heldOn, List<String> attendedBy) {
        attendance.add(new AttendanceView(meetingId, heldOn, List.copyOf(attendedBy), List.of()));
    }

    void recordMissed(String meetingId, String partnerId) {
        attendance.replaceAll(a -> a.meetingId().equals(meetingId)
                ? new AttendanceView(a.meetingId(), a.heldOn(), a.attendedBy(), append(a.missedBy(), partnerId)) : a);
    }

    private static List<String> append(List<String> list, String value) {
        List<String> longer = new ArrayList<>(list);
        longer.add(value);
        return List.copyOf(longer);
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
