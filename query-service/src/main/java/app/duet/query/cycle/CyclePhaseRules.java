package app.duet.query.cycle;

import app.duet.api.cycle.EvidenceKind;
import app.duet.api.cycle.EvidenceRefView;
import app.duet.api.cycle.Phase;
import app.duet.api.cycle.TimelineKind;
import app.duet.query.cycle.CycleStateDocument.Moment;
import app.duet.query.cycle.CycleStateDocument.Ratio;

import java.util.ArrayList;
import java.util.List;

/** The rules of positive and negative moments and of the phase they and the turning points decide. */
final class CyclePhaseRules {

    /** How many of the latest positive and negative moments the phase weighs. */
    static final int WINDOW = 20;
    /** Positive to negative moments a connected couple keeps (Gottman's ratio during conflict). */
    static final int CONNECTED_RATIO = 5;

    private CyclePhaseRules() {
    }

    /** A positive (+1) or negative (-1) moment: it counts in its session's ratio and in the phase's window. */
    static void moment(CycleStateDocument state, int sign, EvidenceRefView ref, String sessionId) {
        state.window.add(new Moment(sign, ref));
        if (state.window.size() > WINDOW) {
            state.window.remove(0);
        }
        if (sessionId != null && state.ratios.containsKey(sessionId)) {
            Ratio ratio = state.ratios.get(sessionId);
            state.ratios.put(sessionId, new Ratio(sessionId, ratio.exercise(), ratio.positive() + (sign > 0 ? 1 : 0),
                    ratio.negative() + (sign < 0 ? 1 : 0)));
            state.evidence(EvidenceKind.SESSION_RATIO.figure(sessionId), ref);
        }
        decidePhase(state, ref);
    }

    /**
     * The phase, decided in this order: a relapse (negative moments outweigh positive ones among
     * at least three recent ones) is escalated; both turning points with at least five positive
     * moments to each negative one is connected; otherwise the latest turning point names the
     * phase; otherwise de-escalating once both named their side of the loop or positive moments
     * outweigh negative ones; otherwise escalated. A change is noted, with the events behind it.
     */
    static void decidePhase(CycleStateDocument state, EvidenceRefView ref) {
        List<Moment> window = state.window;
        long positive = window.stream().filter(m -> m.sign() > 0).count();
        long negative = window.size() - positive;
        Phase next;
        if (window.size() >= 3 && negative > positive) {
            next = Phase.ESCALATED;
        } else if (state.softenings > 0 && state.reengagements > 0 && positive >= CONNECTED_RATIO * Math.max(1, negative)) {
            next = Phase.CONNECTED;
        } else if (state.lastSoftening != null || state.lastReengagement != null) {
            next = state.lastReengagement == null || (state.lastSoftening != null
                    && !state.lastSoftening.at().isBefore(state.lastReengagement.at())) ? Phase.SOFTENING : Phase.RE_ENGAGING;
        } else if ((state.partners.size() == 2 && state.partners.values().stream().allMatch(p -> p.namedTheLoop))
                || (window.size() >= 3 && positive > negative)) {
            next = Phase.DE_ESCALATING;
        } else {
            next = Phase.ESCALATED;
        }
        if (next != state.phase) {
            state.phase = next;
            state.phaseSince = ref.at();
            List<EvidenceRefView> why = new ArrayList<>(window.stream().map(Moment::ref).toList());
            why.addAll(state.evidenceOf(EvidenceKind.NAMED_THE_LOOP.figure()));
            why.addAll(state.evidenceOf(EvidenceKind.LAST_SOFTENING.figure()));
            why.addAll(state.evidenceOf(EvidenceKind.LAST_REENGAGEMENT.figure()));
            if (!why.contains(ref)) {
                why.add(ref);
            }
            state.evidenceOnly(EvidenceKind.PHASE.figure(), why);
            state.note(TimelineKind.phaseChangedTo(next), ref, null, null);
        }
    }
}
