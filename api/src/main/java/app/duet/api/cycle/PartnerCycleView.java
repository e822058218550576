package app.duet.api.cycle;

import app.duet.api.exercise.Lean;

/**
 * One partner's figures. {@code declaredRole} comes from the moves they named on their own shared
 * behaviour links; {@code shownRole} from what they did (bids made, softenings, re-engagements,
 * leans, answers turned away, sessions missed). {@code towardPercent} is null until they answered a bid.
 */
public record PartnerCycleView(String partnerId, CycleRole declaredRole, CycleRole shownRole, int pursuingMoves,
                               int withdrawingMoves, int bidsAnswered, int bidsTurnedToward, Integer towardPercent,
                               String referenceBand, Lean lastLean, Integer lastEnergy) {
}
