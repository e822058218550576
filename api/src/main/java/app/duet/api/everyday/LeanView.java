package app.duet.api.everyday;

import app.duet.api.exercise.Lean;

import java.time.Instant;

/** A lean check-in between sessions. */
public record LeanView(String checkInId, String partnerId, Lean lean, int energy, Instant at) {
}
