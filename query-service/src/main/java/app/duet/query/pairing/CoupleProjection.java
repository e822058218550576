package app.duet.query.pairing;

import app.duet.api.pairing.CoupleCreated;
import app.duet.api.privacy.CoupleErased;
import app.duet.api.pairing.CoupleView;
import app.duet.api.cycle.FindCaseload;
import app.duet.api.pairing.FindCouple;
import app.duet.api.pairing.FindCoupleOfPartner;
import app.duet.api.pairing.PartnerJoinedCouple;
import app.duet.api.consent.TherapistAccessGranted;
import app.duet.api.consent.TherapistAccessWithdrawn;
import app.duet.api.consent.TherapistInvited;
import app.duet.api.commitment.CheckpointReviewed;
import app.duet.api.commitment.CommitmentAccepted;
import app.duet.api.commitment.CommitmentAdjusted;
import app.duet.api.commitment.CommitmentConcluded;
import app.duet.api.commitment.CommitmentMade;
import app.duet.api.commitment.CommitmentProposed;
import app.duet.api.commitment.HomeworkDone;
import app.duet.api.commitment.HomeworkSet;
import app.duet.api.commitment.SessionAttended;
import app.duet.api.commitment.SessionMissed;
import app.duet.api.everyday.AppreciationExpressed;
import app.duet.api.everyday.EverydayBidAnswered;
import app.duet.api.everyday.EverydayBidMade;
import app.duet.api.lists.FindMyListItems;
import app.duet.api.lists.ListItemDropped;
import app.duet.api.lists.ListItemKept;
import app.duet.api.lists.ListItemShared;
import app.duet.api.lists.ListItemView;
import app.duet.api.exercise.LeanCheckedIn;
import app.duet.api.session.SessionEnded;
import app.duet.api.session.SessionStarted;
import app.duet.query.live.LiveViews;
import app.duet.query.live.ViewPublisher;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Builds each couple's overview from couple and session events; pushes every change. */
@Component
@ProcessingGroup(LiveViews.PROCESSING_GROUP)
public class CoupleProjection {

    private final CoupleDocumentRepository couples;
    private final ViewPublisher publisher;

    public CoupleProjection(CoupleDocumentRepository couples, ViewPublisher publisher) {
        this.couples = couples;
        this.publisher = publisher;
    }

    @EventHandler
    public void on(CoupleCreated event, @SequenceNumber long sequence, ReplayStatus replay) {
        CoupleDocument couple = couples.findById(event.coupleId())
                .orElseGet(() -> new CoupleDocument(event.coupleId(), event.invitationCode()));
        apply(couple, event.coupleId(), sequence, replay, c -> c.addPartner(event.partnerId(), event.displayName()));
    }

    @EventHandler
    public void on(PartnerJoinedCouple event, @SequenceNumber long sequence, ReplayStatus replay) {
        update(event.coupleId(), sequence, replay, c -> c.addPartner(event.partnerId(), event.displayName()));
    }

    @EventHandler
    public void on(SessionStarted event, @SequenceNumber long sequence, @Timestamp Instant at, ReplayStatus replay) {
        couples.findById(event.coupleId()).ifPresent(couple -> apply(couple, event.sessionId(), sequence, replay,
                c -> c.addSession(event.sessionId(), event.exercise(), at)));
    }

    @EventHandler
    public void on(SessionEnded event, @SequenceNumber long sequence, @Timestamp Instant at, ReplayStatus replay) {
        couples.findFirstBySessionsSessionId(event.sessionId()).ifPresent(couple -> apply(couple,
                event.sessionId(), sequence, replay, c -> c.endSession(event.sessionId(), at)));
    }

    @EventHandler
    public void on(TherapistInvited event, @SequenceNumber long sequence, ReplayStatus replay) {
        update(event.coupleId(), sequence, replay,
                c -> c.inviteTherapist(event.therapistId(), event.therapistName(), event.invitedBy()));
    }

    @EventHandler
    public void on(TherapistAccessGranted event, @SequenceNumber long sequence, ReplayStatus replay) {
        update(event.coupleId(), sequence, replay, c -> c.grantTherapist(event.therapistId()));
    }

    @EventHandler
    public void on(TherapistAccessWithdrawn event, @SequenceNumber long sequence, ReplayStatus replay) {
        update(event.coupleId(), sequence, replay, c -> c.withdrawTherapist(event.therapistId()));
    }

    // --- between sessions -----------------------------------------------------------------------

    @EventHandler
    public void on(EverydayBidMade event, @SequenceNumber long sequence, @Timestamp Instant at, ReplayStatus replay) {
        update(event.coupleId(), sequence, replay, c -> c.addEverydayBid(event.bidId(), event.fromPartnerId(),
                event.toPartnerId(), event.words(), at));
    }

    @EventHandler
    public void on(EverydayBidAnswered event, @SequenceNumber long sequence, @Timestamp Instant at,
                   ReplayStatus replay) {
        update(event.coupleId(), sequence, replay, c -> c.answerEverydayBid(event.bidId(), event.response(), at));
    }

    /** Only check-ins between sessions: those in a session are its entries, private until revealed there. */
    @EventHandler
    public void on(LeanCheckedIn event, @SequenceNumber long sequence, @Timestamp Instant at, ReplayStatus replay) {
        if (event.sessionId() == null) {
            update(event.coupleId(), sequence, replay, c -> c.checkIn(event.checkInId(), event.partnerId(),
                    event.lean(), event.energy(), at));
        }
    }

    @EventHandler
    public void on(AppreciationExpressed event, @SequenceNumber long sequence, @Timestamp Instant at,
                   ReplayStatus replay) {
        update(event.coupleId(), sequence, replay, c -> c.appreciate(event.appreciationId(), event.fromPartnerId(),
                event.toPartnerId(), event.words(), at));
    }

    /** A kept item is its author's alone: nothing is pushed and the version stays, as for session drafts. */
    @EventHandler
    public void on(ListItemKept event, @SequenceNumber long sequence, @Timestamp Instant at) {
        couples.findById(event.coupleId()).ifPresent(couple -> {
            if (couple.applied().applyQuietly(event.coupleId(), sequence,
                    () -> couple.keepListItem(event.itemId(), event.authorId(), event.list(), event.words(), at))) {
                couples.save(couple);
            }
        });
    }

    @EventHandler
    public void on(ListItemShared event, @SequenceNumber long sequence, @Timestamp Instant at, ReplayStatus replay) {
        update(event.coupleId(), sequence, replay, c -> c.shareListItem(event.itemId(), event.authorId(), at));
    }

    @EventHandler
    public void on(ListItemDropped event, @SequenceNumber long sequence, ReplayStatus replay) {
        couples.findById(event.coupleId()).ifPresent(couple -> {
            if (!couple.applied().isNew(event.coupleId(), sequence)) {
                return;
            }
            if (couple.dropListItem(event.itemId(), event.authorId())) {
                couple.applied().record(event.coupleId(), sequence);
                couples.save(couple);
                if (!replay.isReplay()) {
                    publisher.publish(couple.toView());
                }
            } else {
                couple.applied().skip(event.coupleId(), sequence);
                couples.save(couple);
            }
        });
    }

    @QueryHandler
    public List<ListItemView> handle(FindMyListItems query) {
        return couples.findById(query.coupleId()).map(c -> c.privateItemsOf(query.authorId())).orElse(List.of());
    }

    // --- homework, commitments, attendance ------------------------------------------------------

    @EventHandler
    public void on(HomeworkSet event, @SequenceNumber long sequence, @Timestamp Instant at, ReplayStatus replay) {
        update(event.coupleId(), sequence, replay,
                c -> c.setHomework(event.homeworkId(), event.words(), event.dueOn(), at));
    }

    @EventHandler
    public void on(HomeworkDone event, @SequenceNumber long sequence, ReplayStatus replay) {
        update(event.coupleId(), sequence, replay, c -> c.homeworkDone(event.homeworkId(), event.partnerId()));
    }

    @EventHandler
    public void on(CommitmentProposed event, @SequenceNumber long sequence, ReplayStatus replay) {
        update(event.coupleId(), sequence, replay, c -> c.proposeCommitment(event.commitmentId(), event.proposedBy(),
                event.startsOn(), event.endsOn(), event.improvementBy(), event.checkpoints()));
    }

    @EventHandler
    public void on(CommitmentAdjusted event, @SequenceNumber long sequence, ReplayStatus replay) {
        update(event.coupleId(), sequence, replay,
                c -> c.adjustCommitment(event.commitmentId(), event.endsOn(), event.improvementBy()));
    }

    @EventHandler
    public void on(CommitmentAccepted event, @SequenceNumber long sequence, ReplayStatus replay) {
        update(event.coupleId(), sequence, replay, c -> c.acceptCommitment(event.commitmentId(), event.partnerId()));
    }

    @EventHandler
    public void on(CommitmentMade event, @SequenceNumber long sequence, ReplayStatus replay) {
        update(event.coupleId(), sequence, replay, c -> c.commitmentMade(event.commitmentId()));
    }

    @EventHandler
    public void on(CheckpointReviewed event, @SequenceNumber long sequence, ReplayStatus replay) {
        update(event.coupleId(), sequence, replay,
                c -> c.reviewCheckpoint(event.commitmentId(), event.checkpoint(), event.outcome()));
    }

    @EventHandler
    public void on(CommitmentConcluded event, @SequenceNumber long sequence, ReplayStatus replay) {
        update(event.coupleId(), sequence, replay, c -> c.concludeCommitment(event.commitmentId(), event.outcome()));
    }

    @EventHandler
    public void on(SessionAttended event, @SequenceNumber long sequence, ReplayStatus replay) {
        update(event.coupleId(), sequence, replay,
                c -> c.recordAttendance(event.meetingId(), event.heldOn(), event.attendedBy()));
    }

    @EventHandler
    public void on(SessionMissed event, @SequenceNumber long sequence, ReplayStatus replay) {
        update(event.coupleId(), sequence, replay, c -> c.recordMissed(event.meetingId(), event.partnerId()));
    }

    /** An erased couple's overview goes; nothing of it is kept for anyone. */
    @EventHandler
    public void on(CoupleErased event) {
        couples.deleteById(event.coupleId());
    }

    private void update(String coupleId, long sequence, ReplayStatus replay, Consumer<CoupleDocument> change) {
        couples.findById(coupleId).ifPresent(couple -> apply(couple, coupleId, sequence, replay, change));
    }

    /** Applies a change once per event, stores it, and tells the couple's screens. */
    private void apply(CoupleDocument couple, String aggregateId, long sequence, ReplayStatus replay,
                       Consumer<CoupleDocument> change) {
        if (couple.applied().applyOnce(aggregateId, sequence, () -> change.accept(couple))) {
            couples.save(couple);
            if (!replay.isReplay()) {
                publisher.publish(couple.toView());
            }
        }
    }

    @QueryHandler
    public Optional<CoupleView> handle(FindCouple query) {
        return couples.findById(query.coupleId()).map(CoupleDocument::toView);
    }

    @QueryHandler
    public Optional<CoupleView> handle(FindCoupleOfPartner query) {
        return couples.findFirstByPartnerIds(query.partnerId()).map(CoupleDocument::toView);
    }

    @QueryHandler
    public List<CoupleView> handle(FindCaseload query) {
        return couples.findByObservingTherapistIds(query.therapistId()).stream().map(CoupleDocument::toView).toList();
    }

    @ResetHandler
    public void reset() {
        couples.deleteAll();
    }
}
