package app.duet.query.cycle;

import app.duet.api.cycle.EvidenceRefView;
import app.duet.api.exercise.Lean;

/** What an answer not yet visible would count for, once shared or revealed. */
record HeldAnswer(String kind, boolean pursuing, Lean lean, Integer energy, EvidenceRefView ref) {

    private static final String BEHAVIOUR = "behaviour";
    private static final String LINK = "link";
    private static final String LEAN = "lean";

    /** A behaviour link of the loop: it declares a move, pursuing or withdrawing. */
    static HeldAnswer behaviour(boolean pursuing, EvidenceRefView ref) {
        return new HeldAnswer(BEHAVIOUR, pursuing, null, null, ref);
    }

    /** Any other link of the loop. */
    static HeldAnswer link(EvidenceRefView ref) {
        return new HeldAnswer(LINK, false, null, null, ref);
    }

    /** A lean checked in during a session. */
    static HeldAnswer lean(Lean lean, Integer energy, EvidenceRefView ref) {
        return new HeldAnswer(LEAN, false, lean, energy, ref);
    }

    boolean isBehaviour() {
        return BEHAVIOUR.equals(kind);
    }

    boolean isLink() {
        return LINK.equals(kind);
    }

    boolean isLean() {
        return LEAN.equals(kind);
    }
}
