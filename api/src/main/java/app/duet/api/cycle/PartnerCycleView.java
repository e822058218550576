package app.duet.api.cycle;

import app.duet.api.exercise.Lean;

/**
 * One partner's figures. {@code declaredRole} comes from the moves they named on their own shared
 * behaviour links; {@code shownRole} from what they did (bids made, softenings, re-engagements,
 * leans, answers turned away, sessions missed). {@code bids} are the bids made to them, as they settled them.
 */
public record PartnerCycleView(String partnerId, CycleRole declaredRole, CycleRole shownRole, int pursuingMoves,
                               int withdrawingMoves, BidsView bids, Lean lastLean, Integer lastEnergy) {
}
