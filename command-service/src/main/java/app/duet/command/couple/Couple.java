package app.duet.command.couple;

import app.duet.api.couple.CoupleCreated;
import app.duet.api.couple.CoupleErased;
import app.duet.api.couple.CreateCouple;
import app.duet.api.couple.EraseCouple;
import app.duet.api.couple.JoinCouple;
import app.duet.api.couple.PartnerJoinedCouple;
import app.duet.api.clinical.RaiseSafetyConcern;
import app.duet.api.clinical.SafetyConcernRaised;
import app.duet.api.clinical.TherapistNoteWritten;
import app.duet.api.clinical.WriteTherapistNote;
import app.duet.api.couple.ConsentToTherapist;
import app.duet.api.couple.InviteTherapist;
import app.duet.api.couple.StartSession;
import app.duet.api.couple.TherapistAccessGranted;
import app.duet.api.couple.TherapistAccessWithdrawn;
import app.duet.api.couple.TherapistInvited;
import app.duet.api.couple.WithdrawTherapistConsent;
import app.duet.api.commitment.AcceptCommitment;
import app.duet.api.commitment.AdjustCommitment;
import app.duet.api.commitment.CheckpointReviewed;
import app.duet.api.commitment.CommitmentAccepted;
import app.duet.api.commitment.CommitmentAdjusted;
import app.duet.api.commitment.CommitmentConcluded;
import app.duet.api.commitment.CommitmentMade;
import app.duet.api.commitment.CommitmentProposed;
import app.duet.api.commitment.ConcludeCommitment;
import app.duet.api.commitment.HomeworkDone;
import app.duet.api.commitment.HomeworkSet;
import app.duet.api.commitment.MarkHomeworkDone;
import app.duet.api.commitment.ProposeCommitment;
import app.duet.api.commitment.RecordAttendance;
import app.duet.api.commitment.ReviewCheckpoint;
import app.duet.api.commitment.SessionAttended;
import app.duet.api.commitment.SessionMissed;
import app.duet.api.commitment.SetHomework;
import app.duet.api.everyday.AnswerEverydayBid;
import app.duet.api.everyday.AppreciationExpressed;
import app.duet.api.everyday.CheckInLean;
import app.duet.api.everyday.DropListItem;
import app.duet.api.everyday.EverydayBidAnswered;
import app.duet.api.everyday.EverydayBidMade;
import app.duet.api.everyday.ExpressAppreciation;
import app.duet.api.everyday.KeepListItem;
import app.duet.api.everyday.ListItemDropped;
import app.duet.api.everyday.ListItemKept;
import app.duet.api.everyday.ListItemShared;
import app.duet.api.everyday.MakeEverydayBid;
import app.duet.api.everyday.ShareListItem;
import app.duet.api.exercise.LeanCheckedIn;
import app.duet.command.session.JointSession;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static app.duet.command.RuleViolation.require;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.createNew;

/**
 * Two partners paired by an invitation code, and the therapists they consented to; the only place a
 * joint session can start from. A therapist observes only while both partners consent.
 */
@Aggregate
public class Couple {

    @AggregateIdentifier
    private String coupleId;
    private final List<String> partnerIds = new ArrayList<>();
    private String invitationCode;
    private Instant invitationExpiresAt;
    /** Each therapist a partner has consented to, with who has consented so far. */
    private final Map<String, Set<String>> therapistConsents = new HashMap<>();
    private boolean erased;
    /** Everyday bids by id, with who each was made to, and which were answered. */
    private final Map<String, String> bidRecipients = new HashMap<>();
    private final Set<String> answeredBids = new HashSet<>();
    private final Set<String> checkIns = new HashSet<>();
    private final Set<String> appreciations = new HashSet<>();
    /** Each partner's list items (author/item id), those shared, and those dropped. */
    private final Set<String> listItems = new HashSet<>();
    private final Set<String> sharedListItems = new HashSet<>();
    private final Set<String> droppedListItems = new HashSet<>();
    /** Homework by id, and who has done each (homework/partner). */
    private final Set<String> homework = new HashSet<>();
    private final Set<String> homeworkDone = new HashSet<>();
    private final Set<String> meetings = new HashSet<>();
    private final Commitments commitments = new Commitments();

    protected Couple() {
        // Axon rebuilds the couple from its events.
    }

    @CommandHandler
    public Couple(CreateCouple command) {
        apply(new CoupleCreated(command.coupleId(), command.partnerId(), command.displayName(),
                command.invitationCode(), command.invitationExpiresAt()));
    }

    @CommandHandler
    public void handle(JoinCouple command) {
        require(!erased, "couple-erased", "This couple has been erased.");
        require(!partnerIds.contains(command.partnerId()), "already-in-couple",
                "You are already a partner in this couple.");
        require(partnerIds.size() < 2, "couple-complete",
                "This couple already has two partners; the invitation code has been used.");
        require(invitationCode.equals(command.invitationCode()), "wrong-invitation-code",
                "That invitation code does not belong to this couple.");
        require(command.requestedAt().isBefore(invitationExpiresAt), "invitation-expired",
                "That invitation code has expired: ask your partner to open a new couple and share its code.");
        apply(new PartnerJoinedCouple(coupleId, command.partnerId(), command.displayName()));
    }

    @CommandHandler
    public void handle(StartSession command) throws Exception {
        requirePartner(command.partnerId());
        require(partnerIds.size() == 2, "couple-incomplete",
                "A joint session needs both partners: share the invitation code first.");
        List<String> partners = List.copyOf(partnerIds);
        createNew(JointSession.class, () -> new JointSession(command.sessionId(), coupleId,
                command.exercise(), partners, command.partnerId()));
    }

    @CommandHandler
    public void handle(InviteTherapist command) {
        requirePartner(command.partnerId());
        require(partnerIds.size() == 2, "couple-incomplete", "Invite a therapist once both partners are in.");
        require(!partnerIds.contains(command.therapistId()), "partner-as-therapist",
                "A partner of the couple cannot also be its therapist.");
        require(!therapistConsents.containsKey(command.therapistId()), "therapist-already-invited",
                "This therapist has already been invited.");
        apply(new TherapistInvited(coupleId, command.therapistId(), command.therapistName(), command.partnerId()));
    }

    @CommandHandler
    public void handle(ConsentToTherapist command) {
        requirePartner(command.partnerId());
        Set<String> consents = therapistConsents.get(command.therapistId());
        require(consents != null, "therapist-not-invited", "This therapist has not been invited.");
        require(!consents.contains(command.partnerId()), "already-consented", "You have already consented.");
        apply(new TherapistAccessGranted(coupleId, command.therapistId(), command.partnerId()));
    }

    @CommandHandler
    public void handle(WithdrawTherapistConsent command) {
        requirePartner(command.partnerId());
        require(therapistConsents.containsKey(command.therapistId()), "therapist-not-invited",
                "This therapist has no access to withdraw.");
        apply(new TherapistAccessWithdrawn(coupleId, command.therapistId(), command.partnerId()));
    }

    @CommandHandler
    public void handle(WriteTherapistNote command) {
        require(!erased, "couple-erased", "This couple has been erased.");
        require(observingTherapists().contains(command.therapistId()), "not-observing",
                "Only a therapist both partners consented to keeps notes on this couple.");
        apply(new TherapistNoteWritten(coupleId, command.noteId(), command.therapistId(), command.text()));
    }

    @CommandHandler
    public void handle(RaiseSafetyConcern command) {
        requirePartner(command.partnerId());
        List<String> therapists = observingTherapists();
        require(!therapists.isEmpty(), "no-therapist",
                "No therapist observes this couple yet, so no one could receive this. If you are in danger, call your local emergency number.");
        apply(new SafetyConcernRaised(coupleId, command.concernId(), command.partnerId(), command.words(), therapists));
    }

    /** Whether this therapist may observe now: both partners consent and the couple is not erased. */
    boolean isObservedBy(String therapistId) {
        return !erased && observingTherapists().contains(therapistId);
    }

    /** Therapists both partners consented to. */
    private List<String> observingTherapists() {
        return therapistConsents.entrySet().stream()
                .filter(entry -> entry.getValue().containsAll(partnerIds) && partnerIds.size() == 2)
                .map(Map.Entry::getKey).sorted().toList();
    }

    @CommandHandler
    public void handle(EraseCouple command) {
        requirePartner(command.partnerId());
        apply(new CoupleErased(coupleId, command.partnerId()));
    }

    // --- between sessions: bids, lean check-ins, appreciations, lists ---------------------------

    @CommandHandler
    public void handle(MakeEverydayBid command) {
        requirePaired(command.partnerId());
        require(!bidRecipients.containsKey(command.bidId()), "duplicate-bid", "That bid was already made.");
        apply(new EverydayBidMade(coupleId, command.bidId(), command.partnerId(), otherPartner(command.partnerId()),
                command.words()));
    }

    @CommandHandler
    public void handle(AnswerEverydayBid command) {
        requirePaired(command.partnerId());
        String recipient = bidRecipients.get(command.bidId());
        require(recipient != null, "unknown-bid", "There is no such bid.");
        require(recipient.equals(command.partnerId()), "own-bid", "Only the partner a bid was made to can answer it.");
        require(!answeredBids.contains(command.bidId()), "bid-already-answered", "This bid was already answered.");
        require(command.response() != null, "response-required", "Say whether you turn toward, away or against.");
        apply(new EverydayBidAnswered(coupleId, command.bidId(), command.partnerId(), command.response()));
    }

    @CommandHandler
    public void handle(CheckInLean command) {
        requirePartner(command.partnerId());
        require(!checkIns.contains(command.checkInId()), "duplicate-check-in", "That check-in was already made.");
        require(command.lean() != null, "lean-required", "Say whether you lean in, back or out.");
        require(command.energy() >= 0 && command.energy() <= 10, "energy-out-of-range",
                "Energy runs from 0 (none left) to 10 (plenty).");
        apply(new LeanCheckedIn(coupleId, null, command.checkInId(), command.partnerId(), null, command.lean(),
                command.energy()));
    }

    @CommandHandler
    public void handle(ExpressAppreciation command) {
        requirePaired(command.partnerId());
        require(!appreciations.contains(command.appreciationId()), "duplicate-appreciation", "That was already said.");
        require(hasWords(command.words()), "words-required", "Say what you appreciate.");
        apply(new AppreciationExpressed(coupleId, command.appreciationId(), command.partnerId(),
                otherPartner(command.partnerId()), command.words()));
    }

    @CommandHandler
    public void handle(KeepListItem command) {
        requirePartner(command.partnerId());
        require(command.list() != null, "list-required", "Say which list this goes on.");
        require(hasWords(command.words()), "words-required", "Put the item into words.");
        require(!listItems.contains(item(command.partnerId(), command.itemId())), "duplicate-item",
                "That item is already on your list.");
        apply(new ListItemKept(coupleId, command.itemId(), command.partnerId(), command.list(), command.words()));
    }

    @CommandHandler
    public void handle(ShareListItem command) {
        requireOwnLiveItem(command.partnerId(), command.itemId());
        require(!sharedListItems.contains(item(command.partnerId(), command.itemId())), "item-shared",
                "This item is already shared.");
        apply(new ListItemShared(coupleId, command.itemId(), command.partnerId()));
    }

    @CommandHandler
    public void handle(DropListItem command) {
        requireOwnLiveItem(command.partnerId(), command.itemId());
        apply(new ListItemDropped(coupleId, command.itemId(), command.partnerId()));
    }

    private void requireOwnLiveItem(String partnerId, String itemId) {
        requirePartner(partnerId);
        String key = item(partnerId, itemId);
        require(listItems.contains(key), "unknown-item", "You have no such item on your lists.");
        require(!droppedListItems.contains(key), "item-dropped", "This item is off your list.");
    }

    // --- the therapist's frame: homework, time-bound commitments, attendance ---------------------

    @CommandHandler
    public void handle(SetHomework command) {
        requireObservingTherapist(command.therapistId());
        require(!homework.contains(command.homeworkId()), "duplicate-homework", "That homework was already set.");
        require(hasWords(command.words()), "words-required", "Describe the homework.");
        apply(new HomeworkSet(coupleId, command.homeworkId(), command.therapistId(), command.words(), command.dueOn()));
    }

    @CommandHandler
    public void handle(MarkHomeworkDone command) {
        requirePartner(command.partnerId());
        require(homework.contains(command.homeworkId()), "unknown-homework", "There is no such homework.");
        require(!homeworkDone.contains(command.homeworkId() + "/" + command.partnerId()), "homework-already-done",
                "You already marked this homework done.");
        apply(new HomeworkDone(coupleId, command.homeworkId(), command.partnerId()));
    }

    @CommandHandler
    public void handle(ProposeCommitment command) {
        requireObservingTherapist(command.therapistId());
        commitments.requireNew(command.commitmentId());
        require(command.checkpoints() == null || command.checkpoints().stream().allMatch(java.util.Objects::nonNull),
                "checkpoint-missing", "Every check-point needs a day.");
        List<java.time.LocalDate> checkpoints = command.checkpoints() == null ? List.of()
                : command.checkpoints().stream().distinct().sorted().toList();
        Commitments.requireCoherent(command.startsOn(), command.endsOn(), command.improvementBy(), checkpoints);
        apply(new CommitmentProposed(coupleId, command.commitmentId(), command.therapistId(), command.startsOn(),
                command.endsOn(), command.improvementBy(), checkpoints));
    }

    @CommandHandler
    public void handle(AdjustCommitment command) {
        require(!erased, "couple-erased", "This couple has been erased.");
        require(partnerIds.contains(command.byId()) || observingTherapists().contains(command.byId()),
                "not-a-party", "Only the partners and their observing therapist adjust a commitment.");
        commitments.requireAdjustable(command.commitmentId(), command.endsOn(), command.improvementBy());
        apply(new CommitmentAdjusted(coupleId, command.commitmentId(), command.byId(), command.endsOn(),
                command.improvementBy()));
    }

    @CommandHandler
    public void handle(AcceptCommitment command) {
        requirePartner(command.partnerId());
        boolean bothAccepted = commitments.requireAcceptable(command.commitmentId(), command.partnerId(), partnerIds);
        apply(new CommitmentAccepted(coupleId, command.commitmentId(), command.partnerId()));
        if (bothAccepted) {
            apply(new CommitmentMade(coupleId, command.commitmentId(), commitments.startsOn(command.commitmentId()),
                    commitments.endsOn(command.commitmentId()), commitments.improvementBy(command.commitmentId())));
        }
    }

    @CommandHandler
    public void handle(ReviewCheckpoint command) {
        requireObservingTherapist(command.therapistId());
        require(command.outcome() != null, "outcome-required", "Say how the check-point went.");
        commitments.requireReviewable(command.commitmentId(), command.checkpoint());
        apply(new CheckpointReviewed(coupleId, command.commitmentId(), command.checkpoint(), command.outcome(),
                command.therapistId()));
    }

    @CommandHandler
    public void handle(ConcludeCommitment command) {
        requireObservingTherapist(command.therapistId());
        require(command.outcome() != null, "outcome-required", "Say how the commitment ended.");
        commitments.requireConcludable(command.commitmentId());
        apply(new CommitmentConcluded(coupleId, command.commitmentId(), command.outcome(), command.therapistId()));
    }

    @CommandHandler
    public void handle(RecordAttendance command) {
        requireObservingTherapist(command.therapistId());
        require(!meetings.contains(command.meetingId()), "duplicate-meeting", "That session was already recorded.");
        require(command.heldOn() != null, "date-required", "Say on which day the session was held.");
        List<String> attended = command.attendedBy() == null ? List.of() : List.copyOf(command.attendedBy());
        require(partnerIds.containsAll(attended), "not-a-partner", "Only the couple's partners attend its sessions.");
        require(new HashSet<>(attended).size() == attended.size(), "attendee-twice", "Name each partner who came once.");
        apply(new SessionAttended(coupleId, command.meetingId(), command.heldOn(), attended, command.therapistId()));
        partnerIds.stream().filter(partner -> !attended.contains(partner)).sorted().forEach(partner ->
                apply(new SessionMissed(coupleId, command.meetingId(), command.heldOn(), partner)));
    }

    private void requireObservingTherapist(String therapistId) {
        require(!erased, "couple-erased", "This couple has been erased.");
        require(observingTherapists().contains(therapistId), "not-observing",
                "Only a therapist both partners consented to does this.");
    }

    private void requirePaired(String partnerId) {
        requirePartner(partnerId);
        require(partnerIds.size() == 2, "couple-incomplete", "Your partner has not joined yet.");
    }

    private String otherPartner(String partnerId) {
        return partnerIds.get(0).equals(partnerId) ? partnerIds.get(1) : partnerIds.get(0);
    }

    private static String item(String authorId, String itemId) {
        return authorId + "/" + itemId;
    }

    private static boolean hasWords(String words) {
        return words != null && !words.isBlank();
    }

    private void requirePartner(String partnerId) {
        require(!erased, "couple-erased", "This couple has been erased.");
        require(partnerIds.contains(partnerId), "not-a-partner", "Only the couple's partners decide this.");
    }

    @EventSourcingHandler
    void on(CoupleCreated event) {
        coupleId = event.coupleId();
        invitationCode = event.invitationCode();
        invitationExpiresAt = event.invitationExpiresAt();
        partnerIds.add(event.partnerId());
    }

    @EventSourcingHandler
    void on(PartnerJoinedCouple event) {
        partnerIds.add(event.partnerId());
    }

    @EventSourcingHandler
    void on(CoupleErased event) {
        erased = true;
        therapistConsents.clear();
    }

    @EventSourcingHandler
    void on(TherapistInvited event) {
        therapistConsents.put(event.therapistId(), new HashSet<>(Set.of(event.invitedBy())));
    }

    @EventSourcingHandler
    void on(TherapistAccessGranted event) {
        therapistConsents.get(event.therapistId()).add(event.consentedBy());
    }

    @EventSourcingHandler
    void on(TherapistAccessWithdrawn event) {
        therapistConsents.remove(event.therapistId());
    }

    @EventSourcingHandler
    void on(EverydayBidMade event) {
        bidRecipients.put(event.bidId(), event.toPartnerId());
    }

    @EventSourcingHandler
    void on(EverydayBidAnswered event) {
        answeredBids.add(event.bidId());
    }

    @EventSourcingHandler
    void on(LeanCheckedIn event) {
        checkIns.add(event.checkInId());
    }

    @EventSourcingHandler
    void on(AppreciationExpressed event) {
        appreciations.add(event.appreciationId());
    }

    @EventSourcingHandler
    void on(ListItemKept event) {
        listItems.add(item(event.authorId(), event.itemId()));
    }

    @EventSourcingHandler
    void on(ListItemShared event) {
        sharedListItems.add(item(event.authorId(), event.itemId()));
    }

    @EventSourcingHandler
    void on(ListItemDropped event) {
        droppedListItems.add(item(event.authorId(), event.itemId()));
    }

    @EventSourcingHandler
    void on(HomeworkSet event) {
        homework.add(event.homeworkId());
    }

    @EventSourcingHandler
    void on(HomeworkDone event) {
        homeworkDone.add(event.homeworkId() + "/" + event.partnerId());
    }

    @EventSourcingHandler
    void on(CommitmentProposed event) {
        commitments.proposed(event);
    }

    @EventSourcingHandler
    void on(CommitmentAdjusted event) {
        commitments.adjusted(event);
    }

    @EventSourcingHandler
    void on(CommitmentAccepted event) {
        commitments.accepted(event.commitmentId(), event.partnerId());
    }

    @EventSourcingHandler
    void on(CommitmentMade event) {
        commitments.made(event.commitmentId());
    }

    @EventSourcingHandler
    void on(CheckpointReviewed event) {
        commitments.reviewed(event.commitmentId(), event.checkpoint());
    }

    @EventSourcingHandler
    void on(CommitmentConcluded event) {
        commitments.concluded(event.commitmentId());
    }

    @EventSourcingHandler
    void on(SessionAttended event) {
        meetings.add(event.meetingId());
    }
}
