package app.duet.api.session;

import app.duet.api.exercise.CycleLink;
import app.duet.api.exercise.CycleMove;
import app.duet.api.exercise.Lean;
import app.duet.api.exercise.NeedKind;

/** What an entry holds besides its words, by kind; fields that do not apply to the kind are null. */
public record EntryDetails(CycleLink link, Integer intensity, CycleMove move, NeedKind need, String reassurance,
                           Integer size, Lean lean, Integer energy, String answersEntryId) {

    public static final EntryDetails NONE = new EntryDetails(null, null, null, null, null, null, null, null, null);
}
