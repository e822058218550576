package app.duet.api.session;

import app.duet.api.exercise.Act;
import app.duet.api.exercise.CycleLink;
import app.duet.api.exercise.EntryKind;
import app.duet.api.exercise.ExerciseStep;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static app.duet.api.exercise.ExerciseStep.own;
import static app.duet.api.exercise.ExerciseStep.revealed;
import static app.duet.api.exercise.ExerciseStep.shared;

/**
 * The guided exercises a joint session can run, each with its steps in order, and the steps at
 * which its acts are offered. Every session also keeps free {@link ExerciseStep#NOTES}.
 */
public enum Exercise {
    /** Both map their side of a recent incident onto the loop, link by link. */
    CYCLE_MAP(List.of(
            shared("incident", EntryKind.TEXT),
            shared("my-side", EntryKind.CYCLE_LINK),
            shared("loop", EntryKind.TEXT).offering(Act.SOFTENING, Act.REENGAGEMENT),
            shared("next-time", EntryKind.TEXT).offering(Act.SOFTENING, Act.REENGAGEMENT))),
    /** Five steps from an incident to closeness; the last two are revealed to each other. */
    RESENTMENT_TO_CLOSENESS(List.of(
            own("trigger", CycleLink.TRIGGER),
            own("first-feeling", CycleLink.SECONDARY_EMOTION),
            own("what-i-did", CycleLink.BEHAVIOUR),
            revealed("deeper-feeling", CycleLink.PRIMARY_EMOTION),
            revealed("need", CycleLink.UNMET_NEED),
            shared("closeness", EntryKind.TEXT).offering(Act.SOFTENING, Act.REENGAGEMENT, Act.LET_GO))),
    /** Lists of small behaviours, choosing from each other's, smaller steps, commitments, letting go. */
    BABY_STEPS(List.of(
            revealed("lists", EntryKind.BEHAVIOUR),
            shared("choose", EntryKind.TEXT).offering(Act.BABY_STEP, Act.LET_GO),
            shared("let-go", EntryKind.TEXT).offering(Act.BABY_STEP, Act.LET_GO))),
    /** Each states a need without blame, the other reassures, and both plan. */
    SPACE_AND_CLOSENESS(List.of(
            revealed("needs", EntryKind.NEED),
            shared("reassure", EntryKind.REASSURANCE).offering(Act.SOFTENING, Act.REENGAGEMENT),
            shared("plan", EntryKind.TEXT).offering(Act.SOFTENING, Act.REENGAGEMENT))),
    /** What a marked improvement would look like to each, then the therapist's time frame. */
    COMMITMENT(List.of(
            revealed("hopes", EntryKind.TEXT),
            shared("terms", EntryKind.TEXT))),
    /** Lean and energy, then one appreciation each, revealed together. */
    CHECK_IN(List.of(
            revealed("lean", EntryKind.LEAN),
            revealed("appreciation", EntryKind.TEXT)));

    private final List<ExerciseStep> steps;

    Exercise(List<ExerciseStep> steps) {
        this.steps = steps;
    }

    public List<ExerciseStep> steps() {
        return steps;
    }

    /** A step of this exercise by key, free notes included. */
    public Optional<ExerciseStep> step(String key) {
        if (ExerciseStep.NOTES.key().equals(key)) {
            return Optional.of(ExerciseStep.NOTES);
        }
        return steps.stream().filter(step -> step.key().equals(key)).findFirst();
    }

    /** Whether any step of this exercise offers the act. */
    public boolean offers(Act act) {
        return steps.stream().anyMatch(step -> step.offers(act));
    }

    /** Every act some step of this exercise offers. */
    public Set<Act> acts() {
        return steps.stream().flatMap(step -> step.acts().stream()).collect(Collectors.toUnmodifiableSet());
    }
}
