package app.duet.query.cycle;

import app.duet.api.consent.TherapistAccessGranted;
import app.duet.api.consent.TherapistAccessWithdrawn;
import app.duet.api.consent.TherapistInvited;
import app.duet.api.cycle.EvidenceKind;
import app.duet.api.cycle.EvidenceRefView;
import app.duet.api.cycle.TimelineKind;
import app.duet.api.exercise.BlamerSoftened;
import app.duet.api.exercise.ChangeEvent;
import app.duet.api.exercise.ChangeEventConfirmed;
import app.duet.api.exercise.WithdrawerReengaged;
import app.duet.query.cycle.CycleStateDocument.Move;

import java.util.ArrayList;
import java.util.List;

import static app.duet.query.cycle.CyclePhaseRules.moment;
import static app.duet.query.cycle.PartnerFigureRules.shown;

/**
 * The rules of the turning points (a softening, a re-engagement, a therapist's confirmation) and of
 * whether the couple has a therapist to confirm them: with one, a turning point counts once confirmed;
 * without one, it counts at once as self-reported.
 */
final class TurningPointRules {

    private TurningPointRules() {
    }

    /** Inviting a therapist is the inviting partner's consent. */
    static void invited(CycleStateDocument state, TherapistInvited event, EvidenceRefView ref) {
        consented(state, event.therapistId(), event.invitedBy());
    }

    static void granted(CycleStateDocument state, TherapistAccessGranted event, EvidenceRefView ref) {
        consented(state, event.therapistId(), event.consentedBy());
    }

    static void withdrawn(CycleStateDocument state, TherapistAccessWithdrawn event, EvidenceRefView ref) {
        boolean had = state.hasTherapist();
        state.therapistConsents.remove(event.therapistId());
        if (had != state.hasTherapist()) {
            state.touched++;
        }
    }

    /** Whether the couple has a therapist decides whether a turning point they report counts by itself. */
    private static void consented(CycleStateDocument state, String therapistId, String partnerId) {
        boolean had = state.hasTherapist();
        List<String> by = state.therapistConsents.computeIfAbsent(therapistId, id -> new ArrayList<>());
        if (!by.contains(partnerId)) {
            by.add(partnerId);
        }
        if (had != state.hasTherapist()) {
            state.touched++;
        }
    }

    /**
     * A softening voiced. With a therapist following the couple it waits for their confirmation to count
     * at all (a warm moment, a turning point); without one it counts at once, as self-reported.
     */
    static void softened(CycleStateDocument state, BlamerSoftened event, EvidenceRefView ref) {
        state.softenings++;
        state.lastSoftening = new Move(event.moveId(), event.partnerId(), event.sessionId(), ref.at(), ref, null,
                !state.hasTherapist());
        state.unconfirmedMoves.put(event.moveId(), state.lastSoftening);
        state.evidenceOnly(EvidenceKind.LAST_SOFTENING.figure(), List.of(ref));
        shown(state, event.partnerId(), true, ref, TimelineKind.SOFTENING, event.sessionId());
        if (state.lastSoftening.withoutTherapist()) {
            state.selfReportedSoftening = state.lastSoftening;
            moment(state, +1, ref, event.sessionId());
        }
    }

    /** A re-engagement voiced: as a softening, it counts once confirmed, or at once as self-reported without a therapist. */
    static void reengaged(CycleStateDocument state, WithdrawerReengaged event, EvidenceRefView ref) {
        state.reengagements++;
        state.lastReengagement = new Move(event.moveId(), event.partnerId(), event.sessionId(), ref.at(), ref, null,
                !state.hasTherapist());
        state.unconfirmedMoves.put(event.moveId(), state.lastReengagement);
        state.evidenceOnly(EvidenceKind.LAST_REENGAGEMENT.figure(), List.of(ref));
        shown(state, event.partnerId(), false, ref, TimelineKind.RE_ENGAGEMENT, event.sessionId());
        if (state.lastReengagement.withoutTherapist()) {
            state.selfReportedReengagement = state.lastReengagement;
            moment(state, +1, ref, event.sessionId());
        }
    }

    /**
     * A therapist confirmed a softening or re-engagement: from now on it can move the phase. The last
     * one shows as confirmed only if it is that very move; an earlier one still counts as a turning point.
     */
    static void confirmed(CycleStateDocument state, ChangeEventConfirmed event, EvidenceRefView ref) {
        Move move = state.unconfirmedMoves.remove(event.moveId());
        if (move == null) {
            return;
        }
        Move confirmed = move.confirmedBy(ref);
        boolean softening = event.change() == app.duet.api.exercise.ChangeEvent.BLAMER_SOFTENING;
        if (softening) {
            state.confirmedSoftening = latestOf(state.confirmedSoftening, confirmed);
        } else {
            state.confirmedReengagement = latestOf(state.confirmedReengagement, confirmed);
        }
        if (state.lastSoftening != null && state.lastSoftening.moveId().equals(event.moveId())) {
            state.lastSoftening = confirmed;
            state.evidence(EvidenceKind.LAST_SOFTENING.figure(), ref);
        } else if (state.lastReengagement != null && state.lastReengagement.moveId().equals(event.moveId())) {
            state.lastReengagement = confirmed;
            state.evidence(EvidenceKind.LAST_REENGAGEMENT.figure(), ref);
        }
        state.note(TimelineKind.CHANGE_EVENT_CONFIRMED, ref, event.partnerId(), event.sessionId());
        // A move made without a therapist was a warm moment when it was voiced; any other is one now.
        if (!move.withoutTherapist()) {
            moment(state, +1, ref, event.sessionId());
        }
    }

    private static Move latestOf(Move known, Move confirmed) {
        return known == null || !confirmed.at().isBefore(known.at()) ? confirmed : known;
    }
}
