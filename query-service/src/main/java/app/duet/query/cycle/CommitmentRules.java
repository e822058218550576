package app.duet.query.cycle;

import app.duet.api.commitment.AppointmentAttended;
import app.duet.api.commitment.AppointmentMissed;
import app.duet.api.commitment.CheckpointOutcome;
import app.duet.api.commitment.CheckpointReviewed;
import app.duet.api.commitment.HomeworkDone;
import app.duet.api.commitment.HomeworkSet;
import app.duet.api.cycle.EvidenceKind;
import app.duet.api.cycle.EvidenceRefView;
import app.duet.api.cycle.TimelineKind;
import app.duet.api.exercise.BabyStepFollowedUp;
import app.duet.api.exercise.LetGoProposed;
import app.duet.api.exercise.ResentmentReleased;

import static app.duet.query.cycle.CyclePhaseRules.moment;
import static app.duet.query.cycle.PartnerFigureRules.shown;

/**
 * The rules of what a couple agreed to and kept: let-go pacts over resentments, homework, check-points,
 * appointments with the therapist, baby steps followed up.
 */
final class CommitmentRules {

    private CommitmentRules() {
    }

    static void letGoProposed(CycleStateDocument state, LetGoProposed event, EvidenceRefView ref) {
        state.openPacts.put(event.pactId(), event.proposedBy());
        state.evidence(EvidenceKind.RESENTMENTS.figure(), ref);
        state.note(TimelineKind.LET_GO_PROPOSED, ref, event.proposedBy(), event.sessionId());
    }

    /** A resentment both agreed to let go: a warm moment of its session. */
    static void released(CycleStateDocument state, ResentmentReleased event, EvidenceRefView ref) {
        state.openPacts.remove(event.pactId());
        state.resentmentsReleased++;
        state.evidence(EvidenceKind.RESENTMENTS.figure(), ref);
        state.note(TimelineKind.RESENTMENT_RELEASED, ref, event.agreedBy(), event.sessionId());
        moment(state, +1, ref, event.sessionId());
    }

    /**
     * Between sessions, the partner who committed to a step said how it went. It counts in keeping to
     * what was agreed, not as a moment between the two: one partner's reports alone must not warm the phase.
     */
    static void followedUp(CycleStateDocument state, BabyStepFollowedUp event, EvidenceRefView ref) {
        state.babyStepFollowUps++;
        if (event.done()) {
            state.babyStepsDone++;
        }
        state.evidence(EvidenceKind.ADHERENCE.figure(), ref);
        state.note(event.done() ? TimelineKind.BABY_STEP_DONE : TimelineKind.BABY_STEP_NOT_DONE, ref, event.committedBy(),
                event.sessionId());
    }

    static void homeworkSet(CycleStateDocument state, HomeworkSet event, EvidenceRefView ref) {
        state.homeworkSet++;
        state.evidence(EvidenceKind.ADHERENCE.figure(), ref);
    }

    static void homeworkDone(CycleStateDocument state, HomeworkDone event, EvidenceRefView ref) {
        state.homeworkDone++;
        state.evidence(EvidenceKind.ADHERENCE.figure(), ref);
        state.note(TimelineKind.HOMEWORK_DONE, ref, event.partnerId(), null);
        moment(state, +1, ref, null);
    }

    /** A check-point kept counts 1, partly kept 0.5, missed 0. */
    static void checkpointReviewed(CycleStateDocument state, CheckpointReviewed event, EvidenceRefView ref) {
        state.checkpointsReviewed++;
        state.checkpointPoints += event.outcome() == CheckpointOutcome.KEPT ? 1.0
                : event.outcome() == CheckpointOutcome.PARTLY_KEPT ? 0.5 : 0.0;
        state.evidence(EvidenceKind.ADHERENCE.figure(), ref);
        state.note(TimelineKind.checkpoint(event.outcome()), ref, null, null);
        TrendWeek week = state.week(ref.at());
        week.checkpointsReviewed++;
        week.checkpointsKept += event.outcome() == CheckpointOutcome.KEPT ? 1.0
                : event.outcome() == CheckpointOutcome.PARTLY_KEPT ? 0.5 : 0.0;
        moment(state, event.outcome() == CheckpointOutcome.MISSED ? -1 : +1, ref, null);
    }

    static void attended(CycleStateDocument state, AppointmentAttended event, EvidenceRefView ref) {
        state.sessionsAttended += event.attendedBy().size();
        state.evidence(EvidenceKind.ADHERENCE.figure(), ref);
    }

    static void appointmentMissed(CycleStateDocument state, AppointmentMissed event, EvidenceRefView ref) {
        state.sessionsMissed++;
        state.evidence(EvidenceKind.ADHERENCE.figure(), ref);
        shown(state, event.partnerId(), false, ref, TimelineKind.APPOINTMENT_MISSED, null);
        moment(state, -1, ref, null);
    }
}
