package app.duet.api.everyday;

import app.duet.api.exercise.Lean;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Between sessions, a partner tells the couple where they stand and how much energy (0 to 10) they have. */
public record CheckInLean(@TargetAggregateIdentifier String coupleId, String partnerId, String checkInId, Lean lean, int energy) {
}
