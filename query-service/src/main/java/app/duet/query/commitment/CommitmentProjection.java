package app.duet.query.commitment;

import app.duet.api.commitment.AttendanceView;
import app.duet.api.commitment.CheckpointReviewed;
import app.duet.api.commitment.CheckpointView;
import app.duet.api.commitment.CommitmentAccepted;
import app.duet.api.commitment.CommitmentAdjusted;
import app.duet.api.commitment.CommitmentConcluded;
import app.duet.api.commitment.CommitmentMade;
import app.duet.api.commitment.CommitmentProposed;
import app.duet.api.commitment.CommitmentStatus;
import app.duet.api.commitment.CommitmentView;
import app.duet.api.commitment.HomeworkDone;
import app.duet.api.commitment.HomeworkSet;
import app.duet.api.commitment.HomeworkView;
import app.duet.api.commitment.AppointmentAttended;
import app.duet.api.commitment.AppointmentMissed;
import app.duet.query.live.LiveViews;
import app.duet.query.pairing.CoupleOverviews;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The couple overview's frame from the therapist: homework, commitments and their check-points, attendance. */
@Component
@ProcessingGroup(LiveViews.PROCESSING_GROUP)
public class CommitmentProjection {

    private final CoupleOverviews overviews;

    public CommitmentProjection(CoupleOverviews overviews) {
        this.overviews = overviews;
    }

    @EventHandler
    public void on(HomeworkSet event, @SequenceNumber long sequence, @Timestamp Instant at, ReplayStatus replay) {
        overviews.update(event.coupleId(), sequence, replay, c -> c.addHomework(new HomeworkView(event.homeworkId(),
                event.words(), event.dueOn(), at, List.of())));
    }

    @EventHandler
    public void on(HomeworkDone event, @SequenceNumber long sequence, ReplayStatus replay) {
        overviews.update(event.coupleId(), sequence, replay, c -> c.updateHomework(event.homeworkId(),
                h -> new HomeworkView(h.homeworkId(), h.words(), h.dueOn(), h.setAt(),
                        append(h.doneBy(), event.partnerId()))));
    }

    @EventHandler
    public void on(CommitmentProposed event, @SequenceNumber long sequence, ReplayStatus replay) {
        overviews.update(event.coupleId(), sequence, replay, c -> c.addCommitment(new CommitmentView(
                event.commitmentId(), event.proposedBy(), event.startsOn(), event.endsOn(), event.improvementBy(),
                event.checkpoints().stream().map(day -> new CheckpointView(day, null)).toList(), List.of(),
                CommitmentStatus.PROPOSED, null)));
    }

    /** An adjusted proposal is a new one: whoever had accepted it accepts again. */
    @EventHandler
    public void on(CommitmentAdjusted event, @SequenceNumber long sequence, ReplayStatus replay) {
        overviews.update(event.coupleId(), sequence, replay, c -> c.updateCommitment(event.commitmentId(),
                commitment -> new CommitmentView(commitment.commitmentId(), commitment.proposedBy(),
                        commitment.startsOn(), event.endsOn(), event.improvementBy(), commitment.checkpoints(),
                        List.of(), CommitmentStatus.PROPOSED, null)));
    }

    @EventHandler
    public void on(CommitmentAccepted event, @SequenceNumber long sequence, ReplayStatus replay) {
        overviews.update(event.coupleId(), sequence, replay, c -> c.updateCommitment(event.commitmentId(),
                commitment -> new CommitmentView(commitment.commitmentId(), commitment.proposedBy(),
                        commitment.startsOn(), commitment.endsOn(), commitment.improvementBy(),
                        commitment.checkpoints(), append(commitment.acceptedBy(), event.partnerId()),
                        commitment.status(), null)));
    }

    @EventHandler
    public void on(CommitmentMade event, @SequenceNumber long sequence, ReplayStatus replay) {
        overviews.update(event.coupleId(), sequence, replay, c -> c.updateCommitment(event.commitmentId(),
                commitment -> new CommitmentView(commitment.commitmentId(), commitment.proposedBy(),
                        commitment.startsOn(), commitment.endsOn(), commitment.improvementBy(),
                        commitment.checkpoints(), commitment.acceptedBy(), CommitmentStatus.MADE, null)));
    }

    @EventHandler
    public void on(CheckpointReviewed event, @SequenceNumber long sequence, ReplayStatus replay) {
        overviews.update(event.coupleId(), sequence, replay, c -> c.updateCommitment(event.commitmentId(),
                commitment -> new CommitmentView(commitment.commitmentId(), commitment.proposedBy(),
                        commitment.startsOn(), commitment.endsOn(), commitment.improvementBy(),
                        commitment.checkpoints().stream().map(point -> point.day().equals(event.checkpoint())
                                ? new CheckpointView(point.day(), event.outcome()) : point).toList(),
                        commitment.acceptedBy(), commitment.status(), null)));
    }

    @EventHandler
    public void on(CommitmentConcluded event, @SequenceNumber long sequence, ReplayStatus replay) {
        overviews.update(event.coupleId(), sequence, replay, c -> c.updateCommitment(event.commitmentId(),
                commitment -> new CommitmentView(commitment.commitmentId(), commitment.proposedBy(),
                        commitment.startsOn(), commitment.endsOn(), commitment.improvementBy(),
                        commitment.checkpoints(), commitment.acceptedBy(), CommitmentStatus.CONCLUDED,
                        event.outcome())));
    }

    @EventHandler
    public void on(AppointmentAttended event, @SequenceNumber long sequence, ReplayStatus replay) {
        overviews.update(event.coupleId(), sequence, replay, c -> c.addAttendance(new AttendanceView(
                event.meetingId(), event.heldOn(), List.copyOf(event.attendedBy()), List.of())));
    }

    @EventHandler
    public void on(AppointmentMissed event, @SequenceNumber long sequence, ReplayStatus replay) {
        overviews.update(event.coupleId(), sequence, replay, c -> c.updateAttendance(event.meetingId(),
                meeting -> new AttendanceView(meeting.meetingId(), meeting.heldOn(), meeting.attendedBy(),
                        append(meeting.missedBy(), event.partnerId()))));
    }

    private static List<String> append(List<String> list, String value) {
        List<String> longer = new ArrayList<>(list);
        longer.add(value);
        return List.copyOf(longer);
    }
}
