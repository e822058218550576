package app.duet.api.exercise;

import java.util.List;

/**
 * One step of an exercise: what entries it takes, and who sees them when. {@code link} fixes the
 * cycle link a step asks for (null when any link fits). Its prompt and help text are in the
 * {@code exercises} resource bundle, under the exercise's and the step's key.
 */
public record ExerciseStep(String key, Sharing sharing, List<EntryKind> accepts, CycleLink link) {

    /** Free entries any session keeps beside its steps, each shared when its author is ready. */
    public static final ExerciseStep NOTES = new ExerciseStep("notes", Sharing.SHARED, List.of(EntryKind.TEXT), null);

    public static ExerciseStep own(String key, CycleLink link) {
        return new ExerciseStep(key, Sharing.OWN, List.of(EntryKind.CYCLE_LINK), link);
    }

    public static ExerciseStep revealed(String key, EntryKind kind) {
        return new ExerciseStep(key, Sharing.REVEALED, List.of(kind), null);
    }

    public static ExerciseStep revealed(String key, CycleLink link) {
        return new ExerciseStep(key, Sharing.REVEALED, List.of(EntryKind.CYCLE_LINK), link);
    }

    public static ExerciseStep shared(String key, EntryKind... kinds) {
        return new ExerciseStep(key, Sharing.SHARED, List.of(kinds), null);
    }

    public boolean accepts(EntryKind kind) {
        return accepts.contains(kind);
    }
}
