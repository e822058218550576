package app.duet.api.session;

import app.duet.api.exercise.CycleLink;
import app.duet.api.exercise.CycleMove;
import app.duet.api.exercise.Lean;
import app.duet.api.exercise.NeedKind;

/**
 * What an entry holds besides its words: one record per {@link app.duet.api.exercise.EntryKind}.
 * Each record's fields are named as they were when this was one record with a field for every
 * kind, so views read (and views stored) before keep their form.
 */
public sealed interface EntryDetails {

    /** A free-text entry: its words are all it holds. */
    Text NONE = new Text();

    /** A free-text entry: nothing besides its words. */
    record Text() implements EntryDetails {
    }

    /** One link of the author's side of the cycle, how strongly it was felt, and for a behaviour what kind of move it was. */
    record Link(CycleLink link, int intensity, CycleMove move) implements EntryDetails {
    }

    /** A behaviour of the partner's that would move the author, sized from easy to big. */
    record Behaviour(int size) implements EntryDetails {
    }

    /** A need for closeness or space; space comes with a reassurance. */
    record Need(NeedKind need, String reassurance) implements EntryDetails {
    }

    /** An answer to the partner's need, naming the need's entry. */
    record Reassurance(String answersEntryId) implements EntryDetails {
    }

    /** Where the author leans and how much energy they have left. */
    record CheckIn(Lean lean, int energy) implements EntryDetails {
    }
}
