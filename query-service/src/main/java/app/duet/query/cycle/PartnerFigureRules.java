package app.duet.query.cycle;

import app.duet.api.cycle.EvidenceKind;
import app.duet.api.cycle.EvidenceRefView;
import app.duet.api.cycle.LeanGapPointView;
import app.duet.api.cycle.TimelineKind;
import app.duet.api.exercise.Lean;
import app.duet.api.session.BidResponse;
import app.duet.query.cycle.CycleStateDocument.PartnerFigures;
import app.duet.query.cycle.CycleStateDocument.Pending;

import java.util.List;

import static app.duet.query.cycle.CyclePhaseRules.decidePhase;
import static app.duet.query.cycle.CyclePhaseRules.moment;

/**
 * The rules of one partner's figures, shared by several events: a move their behaviour shows, a bid
 * they answered, an answer of theirs both can now see (naming their side of the loop, declaring a
 * move, a lean), and the lean gap between the two.
 */
final class PartnerFigureRules {

    private PartnerFigureRules() {
    }

    /** A pursuing or withdrawing move the partner made, as their behaviour shows it. */
    static void shown(CycleStateDocument state, String partnerId, boolean pursuing, EvidenceRefView ref, TimelineKind kind,
                      String sessionId) {
        PartnerFigures figures = state.figures(partnerId);
        if (pursuing) {
            figures.shownPursuing++;
        } else {
            figures.shownWithdrawing++;
        }
        state.evidence(EvidenceKind.SHOWN_ROLE.figure(partnerId), ref);
        state.note(kind, ref, partnerId, sessionId);
    }

    /** Turning toward is a positive moment; away (withdrawing) and against (pursuing) are negative ones. */
    static void answered(CycleStateDocument state, String responder, BidResponse response, String sessionId,
                         EvidenceRefView ref) {
        PartnerFigures figures = state.figures(responder);
        figures.bidsAnswered++;
        if (response == BidResponse.TOWARD) {
            figures.bidsTurnedToward++;
        }
        state.evidence(EvidenceKind.BIDS_TOWARD.figure(responder), ref);
        if (response == BidResponse.TOWARD) {
            moment(state, +1, ref, sessionId);
            state.note(TimelineKind.BID_TURNED_TOWARD, ref, responder, sessionId);
        } else {
            boolean against = response == BidResponse.AGAINST;
            shown(state, responder, against, ref,
                    against ? TimelineKind.BID_TURNED_AGAINST : TimelineKind.BID_TURNED_AWAY, sessionId);
            moment(state, -1, ref, sessionId);
        }
    }

    /** An answer held back until both can see it counts now, as of the event that let it out. */
    static void becameVisible(CycleStateDocument state, Pending answer, String authorId, EvidenceRefView ref) {
        PartnerFigures figures = state.figures(authorId);
        if (answer.isBehaviour()) {
            if (answer.pursuing()) {
                figures.declaredPursuing++;
            } else {
                figures.declaredWithdrawing++;
            }
            state.evidenceEach(EvidenceKind.DECLARED_ROLE.figure(authorId), answer.ref(), ref);
        }
        if (answer.isBehaviour() || answer.isLink()) {
            namedTheLoop(state, authorId, answer.ref(), ref);
        } else if (answer.isLean()) {
            leaned(state, authorId, answer.lean(), answer.energy(), answer.ref(), ref);
        }
    }

    /** The first link of the loop a partner lets out names their side of it. */
    private static void namedTheLoop(CycleStateDocument state, String partnerId, EvidenceRefView written, EvidenceRefView shown) {
        PartnerFigures figures = state.figures(partnerId);
        if (!figures.namedTheLoop) {
            figures.namedTheLoop = true;
            state.evidenceEach(EvidenceKind.NAMED_THE_LOOP.figure(), written, shown);
            state.note(TimelineKind.NAMED_THEIR_SIDE, shown, partnerId, null);
            decidePhase(state, shown);
        }
    }

    /**
     * A lean, as of when both can see it ({@code shownBy}, or when written if at once): leaning in
     * is pursuing, leaning out withdrawing; with both partners' latest leans known, a lean-gap point.
     */
    static void leaned(CycleStateDocument state, String partnerId, Lean lean, Integer energy, EvidenceRefView written,
                       EvidenceRefView shownBy) {
        PartnerFigures figures = state.figures(partnerId);
        figures.lastLean = lean;
        figures.lastEnergy = energy;
        EvidenceRefView at = shownBy == null ? written : shownBy;
        if (shownBy != null) {
            state.evidence(EvidenceKind.SHOWN_ROLE.figure(partnerId), written);
            state.evidence(EvidenceKind.LEAN_GAP.figure(), written);
        }
        if (lean == Lean.IN) {
            shown(state, partnerId, true, at, TimelineKind.LEANED_IN, null);
        } else if (lean == Lean.OUT) {
            shown(state, partnerId, false, at, TimelineKind.LEANED_OUT, null);
        } else {
            state.note(TimelineKind.LEANED_BACK, at, partnerId, null);
        }
        state.evidence(EvidenceKind.LEAN_GAP.figure(), at);
        List<String> ids = state.partnerIds;
        if (ids.size() == 2 && state.partners.values().stream().allMatch(p -> p.lastLean != null)) {
            int gap = Math.abs(score(state.partners.get(ids.get(0)).lastLean)
                    - score(state.partners.get(ids.get(1)).lastLean));
            state.leanGap.add(new LeanGapPointView(at.at(), gap));
        }
    }

    /** In 2, back 1, out 0. */
    private static int score(Lean lean) {
        return switch (lean) {
            case IN -> 2;
            case BACK -> 1;
            case OUT -> 0;
        };
    }
}
