package app.duet.query.cycle;

import app.duet.api.cycle.EvidenceKind;
import app.duet.api.cycle.EvidenceRefView;
import app.duet.api.cycle.LeanGapPointView;
import app.duet.api.cycle.TimelineKind;
import app.duet.api.exercise.Lean;
import app.duet.api.session.BidResponse;
import app.duet.query.cycle.CycleStateDocument.PartnerFigures;

import java.util.List;

import static app.duet.query.cycle.CyclePhaseRules.judged;
import static app.duet.query.cycle.CyclePhaseRules.moment;

/**
 * The rules of one partner's figures, shared by several events: a move their behaviour shows, a bid
 * made to them and how they settled it, an answer of theirs both can now see (naming their side of the
 * loop, declaring a move, a lean), and the lean gap between the two. Each figure lists only the event
 * being applied, and only if it moved that figure.
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

    /** A bid made to a partner: still open until they answer it or it is missed. */
    static void made(CycleStateDocument state, String from, String to, EvidenceRefView ref, String sessionId) {
        shown(state, from, true, ref, TimelineKind.BID_MADE, sessionId);
        if (to != null) {
            state.figures(to).bidsMadeTo++;
        }
    }

    /** Turning toward is a warm moment; away (withdrawing) and against (pursuing) are hard ones. */
    static void answered(CycleStateDocument state, String responder, BidResponse response, String sessionId,
                         EvidenceRefView ref) {
        PartnerFigures figures = state.figures(responder);
        switch (response) {
            case TOWARD -> figures.toward++;
            case AWAY -> figures.away++;
            case AGAINST -> figures.against++;
        }
        settled(state, responder, response == BidResponse.TOWARD, ref);
        if (response == BidResponse.TOWARD) {
            state.note(TimelineKind.BID_TURNED_TOWARD, ref, responder, sessionId);
            moment(state, +1, ref, sessionId);
        } else {
            boolean against = response == BidResponse.AGAINST;
            shown(state, responder, against, ref,
                    against ? TimelineKind.BID_TURNED_AGAINST : TimelineKind.BID_TURNED_AWAY, sessionId);
            moment(state, -1, ref, sessionId);
        }
    }

    /**
     * A bid left unanswered past its window: the research behind the reference figures counts it as a
     * turn away, so it is a hard moment and counts against the toward share. It shows no move: an absence
     * says nothing about which way a partner moves in the loop.
     */
    static void missed(CycleStateDocument state, String responder, String sessionId, EvidenceRefView ref) {
        state.figures(responder).missed++;
        settled(state, responder, false, ref);
        state.note(TimelineKind.BID_MISSED, ref, responder, sessionId);
        moment(state, -1, ref, sessionId);
    }

    private static void settled(CycleStateDocument state, String responder, boolean toward, EvidenceRefView ref) {
        state.evidence(EvidenceKind.BIDS_TOWARD.figure(responder), ref);
        judged(state, Judged.SETTLED_BID, 0, ref);
        int[] week = state.week(ref.at()).bidsOf(responder);
        week[0] += toward ? 1 : 0;
        week[1]++;
    }

    /** An answer written in a session that counts only once both can see it: held until then, counting nothing. */
    static void held(CycleStateDocument state, String sessionId, String authorId, String entryId, HeldAnswer answer) {
        state.pending.put(key(sessionId, authorId, entryId), answer);
    }

    /** An entry shared or revealed: if it was an answer held back, it counts now. */
    static void letOut(CycleStateDocument state, String sessionId, String authorId, String entryId, EvidenceRefView ref) {
        HeldAnswer answer = state.pending.remove(key(sessionId, authorId, entryId));
        if (answer != null) {
            becameVisible(state, answer, authorId, ref);
        }
    }

    /** Mongo field names may not contain dots; ids are UUID-like or chosen from letters, digits and dashes. */
    private static String key(String sessionId, String authorId, String entryId) {
        return sessionId + ":" + authorId + ":" + entryId;
    }

    /** An answer held back until both can see it counts now, as of the event that let it out. */
    private static void becameVisible(CycleStateDocument state, HeldAnswer answer, String authorId, EvidenceRefView ref) {
        PartnerFigures figures = state.figures(authorId);
        if (answer.isBehaviour()) {
            if (answer.pursuing()) {
                figures.declaredPursuing++;
            } else {
                figures.declaredWithdrawing++;
            }
            state.evidence(EvidenceKind.DECLARED_ROLE.figure(authorId), ref);
        }
        if (answer.isBehaviour() || answer.isLink()) {
            namedTheLoop(state, authorId, ref);
        } else if (answer.isLean()) {
            leaned(state, authorId, answer.lean(), answer.energy(), ref);
        }
    }

    /** The first link of the loop a partner lets out names their side of it. */
    private static void namedTheLoop(CycleStateDocument state, String partnerId, EvidenceRefView shown) {
        PartnerFigures figures = state.figures(partnerId);
        if (!figures.namedTheLoop) {
            figures.namedTheLoop = true;
            state.evidence(EvidenceKind.NAMED_THE_LOOP.figure(), shown);
            state.note(TimelineKind.NAMED_THEIR_SIDE, shown, partnerId, null);
        }
    }

    /**
     * A lean, as of the event that let both see it (at once between sessions, at the reveal in one):
     * leaning in is pursuing, leaning out withdrawing; with both partners' latest leans known, a lean-gap point.
     */
    static void leaned(CycleStateDocument state, String partnerId, Lean lean, Integer energy, EvidenceRefView at) {
        PartnerFigures figures = state.figures(partnerId);
        figures.lastLean = lean;
        figures.lastEnergy = energy;
        CyclePhaseRules.checkedIn(state, partnerId, at);
        if (lean == Lean.IN) {
            shown(state, partnerId, true, at, TimelineKind.LEANED_IN, null);
        } else if (lean == Lean.OUT) {
            shown(state, partnerId, false, at, TimelineKind.LEANED_OUT, null);
        } else {
            state.note(TimelineKind.LEANED_BACK, at, partnerId, null);
        }
        List<String> ids = state.partnerIds;
        if (ids.size() == 2 && state.partners.values().stream().allMatch(p -> p.lastLean != null)) {
            int gap = Math.abs(score(state.partners.get(ids.get(0)).lastLean)
                    - score(state.partners.get(ids.get(1)).lastLean));
            state.leanGap.add(new LeanGapPointView(at.at(), gap));
            state.evidence(EvidenceKind.LEAN_GAP.figure(), at);
            TrendWeek week = state.week(at.at());
            week.leanGapSum += gap;
            week.leanGapPoints++;
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
