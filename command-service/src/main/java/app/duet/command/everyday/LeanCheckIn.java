package app.duet.command.everyday;

import app.duet.api.exercise.Lean;

import static app.duet.command.RuleViolation.require;

/**
 * What a lean check-in must say, between sessions or in one: a lean, and the energy left on the
 * scale of {@link Lean}, which the forms' bean validation shares ({@code @Min(Lean.NO_ENERGY)
 * @Max(Lean.FULL_ENERGY)}), so a field out of range is named in a 400 before any rule runs.
 */
public final class LeanCheckIn {

    private LeanCheckIn() {
    }

    public static void requireComplete(Lean lean, int energy) {
        require(lean != null, "lean-required", "Say whether you lean in, back or out.");
        require(Lean.isEnergy(energy), "energy-out-of-range",
                "Energy runs from " + Lean.NO_ENERGY + " (none left) to " + Lean.FULL_ENERGY + " (plenty).");
    }
}
