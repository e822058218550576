package app.duet.command.commitment;

import app.duet.api.commitment.AcceptCommitment;
import app.duet.api.commitment.AdjustCommitment;
import app.duet.api.commitment.CheckpointComingUp;
import app.duet.api.commitment.CheckpointReviewed;
import app.duet.api.commitment.CommitmentAccepted;
import app.duet.api.commitment.CommitmentAdjusted;
import app.duet.api.commitment.CommitmentConcluded;
import app.duet.api.commitment.CommitmentMade;
import app.duet.api.commitment.CommitmentProposed;
import app.duet.api.commitment.ConcludeCommitment;
import app.duet.api.commitment.ProposeCommitment;
import app.duet.api.commitment.ReviewCheckpoint;
import app.duet.command.consent.Consent;
import app.duet.command.notification.ReminderTimes;
import app.duet.command.pairing.Pairing;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.io.Serializable;

import static app.duet.command.RuleViolation.require;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The couple's time-bound commitments: the observing therapist proposes one, it is made when both
 * partners accept it as it stands, either side may move its dates, and the therapist reviews its
 * check-points and concludes it. Before each check-point of a commitment made, the partners are
 * reminded, once ({@link ReminderTimes}).
 */
public class Commitments implements Serializable {

    private final String coupleId;
    private final Pairing pairing;
    private final Consent consent;
    private final Map<String, Commitment> byId = new HashMap<>();
    /** The check-points reminded of, as commitment/day. */
    private final Set<String> reminded = new HashSet<>();

    public Commitments(String coupleId, Pairing pairing, Consent consent) {
        this.coupleId = coupleId;
        this.pairing = pairing;
        this.consent = consent;
    }

    @CommandHandler
    public void handle(ProposeCommitment command) {
        consent.requireObserving(command.therapistId());
        require(!byId.containsKey(command.commitmentId()), "duplicate-commitment", "That commitment was already proposed.");
        require(command.checkpoints() == null || command.checkpoints().stream().allMatch(Objects::nonNull),
                "checkpoint-missing", "Every check-point needs a day.");
        List<LocalDate> checkpoints = command.checkpoints() == null ? List.of()
                : command.checkpoints().stream().distinct().sorted().toList();
        Commitment.requireCoherent(command.startsOn(), command.endsOn(), command.improvementBy(), checkpoints);
        apply(new CommitmentProposed(coupleId, command.commitmentId(), command.therapistId(), command.startsOn(),
                command.endsOn(), command.improvementBy(), checkpoints));
    }

    @CommandHandler
    public void handle(AdjustCommitment command) {
        pairing.requireNotErased();
        require(pairing.isPartner(command.byId()) || consent.observes(command.byId()),
                "not-a-party", "Only the partners and their observing therapist adjust a commitment.");
        requireOpen(command.commitmentId()).requireAdjustable(command.endsOn(), command.improvementBy());
        apply(new CommitmentAdjusted(coupleId, command.commitmentId(), command.byId(), command.endsOn(),
                command.improvementBy()));
    }

    @CommandHandler
    public void handle(AcceptCommitment command, ReminderTimes reminders, DeadlineManager deadlines) {
        pairing.requirePartner(command.partnerId());
        Commitment commitment = requireOpen(command.commitmentId());
        commitment.requireAcceptableBy(command.partnerId());
        apply(new CommitmentAccepted(coupleId, command.commitmentId(), command.partnerId()));
        if (commitment.madeOnceAcceptedBy(command.partnerId(), pairing.partnerIds())) {
            apply(new CommitmentMade(coupleId, command.commitmentId(), commitment.startsOn(), commitment.endsOn(),
                    commitment.improvementBy()));
            // Made again after new dates, the same check-points are scheduled again: the handler reminds once.
            commitment.checkpoints().forEach(day -> reminders.remindOf(day, GenericEventMessage.clock.instant()).ifPresent(at ->
                    deadlines.schedule(at, CheckpointReminder.NAME, new CheckpointReminder(coupleId, command.commitmentId(), day))));
        }
    }

    /** A check-point of a commitment still in force, not reviewed yet, is coming up: the partners are reminded, once. */
    @DeadlineHandler(deadlineName = CheckpointReminder.NAME)
    public void on(CheckpointReminder reminder) {
        Commitment commitment = byId.get(reminder.commitmentId());
        String key = reminder.commitmentId() + "/" + reminder.checkpoint();
        if (commitment == null || !commitment.made() || commitment.concluded() || pairing.isErased()
                || commitment.reviewed().contains(reminder.checkpoint()) || reminded.contains(key)) {
            return;
        }
        apply(new CheckpointComingUp(coupleId, reminder.commitmentId(), reminder.checkpoint(), pairing.partnerIds()));
    }

    @CommandHandler
    public void handle(ReviewCheckpoint command) {
        consent.requireObserving(command.therapistId());
        require(command.outcome() != null, "outcome-required", "Say how the check-point went.");
        require(command.requestedAt() != null, "time-required", "A review says when it was asked for.");
        requireOpen(command.commitmentId()).requireReviewable(command.checkpoint(), command.requestedAt());
        apply(new CheckpointReviewed(coupleId, command.commitmentId(), command.checkpoint(), command.outcome(),
                command.therapistId()));
    }

    @CommandHandler
    public void handle(ConcludeCommitment command) {
        consent.requireObserving(command.therapistId());
        require(command.outcome() != null, "outcome-required", "Say how the commitment ended.");
        requireOpen(command.commitmentId());
        apply(new CommitmentConcluded(coupleId, command.commitmentId(), command.outcome(), command.therapistId()));
    }

    private Commitment requireOpen(String commitmentId) {
        Commitment commitment = byId.get(commitmentId);
        require(commitment != null, "unknown-commitment", "There is no such commitment.");
        commitment.requireOpen();
        return commitment;
    }

    @EventSourcingHandler
    void on(CommitmentProposed event) {
        byId.put(event.commitmentId(), Commitment.proposed(event));
    }

    @EventSourcingHandler
    void on(CommitmentAdjusted event) {
        byId.computeIfPresent(event.commitmentId(), (id, c) -> c.withDates(event.endsOn(), event.improvementBy()));
    }

    @EventSourcingHandler
    void on(CommitmentAccepted event) {
        byId.computeIfPresent(event.commitmentId(), (id, c) -> c.withAcceptance(event.partnerId()));
    }

    @EventSourcingHandler
    void on(CommitmentMade event) {
        byId.computeIfPresent(event.commitmentId(), (id, c) -> c.asMade());
    }

    @EventSourcingHandler
    void on(CheckpointReviewed event) {
        byId.computeIfPresent(event.commitmentId(), (id, c) -> c.withReview(event.checkpoint()));
    }

    @EventSourcingHandler
    void on(CheckpointComingUp event) {
        reminded.add(event.commitmentId() + "/" + event.checkpoint());
    }

    @EventSourcingHandler
    void on(CommitmentConcluded event) {
        byId.computeIfPresent(event.commitmentId(), (id, c) -> c.asConcluded());
    }
}
