package app.duet.api.exercise;

import java.util.List;
import java.util.Set;

/**
 * One step of an exercise: what entries it takes, who sees them when, and which acts a partner on
 * this step may do. {@code link} fixes the cycle link a step asks for (null when any link fits). Its
 * prompt and help text are in the {@code exercises} resource bundle, under the exercise's and the
 * step's key.
 */
public record ExerciseStep(String key, Sharing sharing, List<EntryKind> accepts, CycleLink link, Set<Act> acts) {

    /** Free entries any session keeps beside its steps, each shared when its author is ready. */
    public static final ExerciseStep NOTES = shared("notes", EntryKind.TEXT);

    public static ExerciseStep own(String key, CycleLink link) {
        return new ExerciseStep(key, Sharing.OWN, List.of(EntryKind.CYCLE_LINK), link, Set.of());
    }

    public static ExerciseStep revealed(String key, EntryKind kind) {
        return new ExerciseStep(key, Sharing.REVEALED, List.of(kind), null, Set.of());
    }

    public static ExerciseStep revealed(String key, CycleLink link) {
        return new ExerciseStep(key, Sharing.REVEALED, List.of(EntryKind.CYCLE_LINK), link, Set.of());
    }

    public static ExerciseStep shared(String key, EntryKind... kinds) {
        return new ExerciseStep(key, Sharing.SHARED, List.of(kinds), null, Set.of());
    }

    /** This step, where a partner may also do these acts. */
    public ExerciseStep offering(Act... offered) {
        return new ExerciseStep(key, sharing, accepts, link, Set.of(offered));
    }

    public boolean accepts(EntryKind kind) {
        return accepts.contains(kind);
    }

    public boolean offers(Act act) {
        return acts.contains(act);
    }
}
