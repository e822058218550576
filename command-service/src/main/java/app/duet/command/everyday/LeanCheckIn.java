package app.duet.command.everyday;

import app.duet.api.exercise.Lean;

import static app.duet.command.RuleViolation.require;

/**
 * What a lean check-in must say, between sessions or in one: a lean, and the energy left on a scale
 * the forms' bean validation shares ({@code @Min(NO_ENERGY) @Max(FULL_ENERGY)}), so a field out of
 * range is named in a 400 before any rule runs.
 */
public final class LeanCheckIn {

    public static final int NO_ENERGY = 0;
    public static final int FULL_ENERGY = 10;

    private LeanCheckIn() {
    }

    public static void requireComplete(Lean lean, int energy) {
        require(lean != null, "lean-required", "Say whether you lean in, back or out.");
        require(energy >= NO_ENERGY && energy <= FULL_ENERGY, "energy-out-of-range",
                "Energy runs from " + NO_ENERGY + " (none left) to " + FULL_ENERGY + " (plenty).");
    }
}
