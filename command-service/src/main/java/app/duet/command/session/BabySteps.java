package app.duet.command.session;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static app.duet.command.RuleViolation.require;

/** Who chose, answered with a smaller step, or committed to each behaviour on a partner's list. */
final class BabySteps {

    /** By behaviour (lister/entry id): the partner who chose it as it stands. */
    private final Map<String, String> chosenBy = new HashMap<>();
    /** By behaviour: the partner who offered a smaller step for it instead. */
    private final Map<String, String> smallerStepBy = new HashMap<>();
    private final Set<String> committed = new HashSet<>();

    void requireOpen(String listedBy, String entryId) {
        String behaviour = key(listedBy, entryId);
        require(!chosenBy.containsKey(behaviour), "already-chosen", "This step has already been chosen.");
        require(!smallerStepBy.containsKey(behaviour), "already-answered",
                "This step has already been answered with a smaller one.");
    }

    /** Whether the committer's commitment would be to the smaller step they offered; fails if they neither chose nor answered it. */
    boolean requireCommittable(String listedBy, String entryId, String partnerId) {
        String behaviour = key(listedBy, entryId);
        boolean chose = partnerId.equals(chosenBy.get(behaviour));
        boolean offeredSmaller = partnerId.equals(smallerStepBy.get(behaviour));
        require(chose || offeredSmaller, "not-chosen",
                "Choose this step, or offer a smaller one for it, before committing to it.");
        require(!committed.contains(behaviour), "already-committed", "You already committed to this step.");
        return offeredSmaller;
    }

    void chosen(String listedBy, String entryId, String partnerId) {
        chosenBy.put(key(listedBy, entryId), partnerId);
    }

    void smallerStepOffered(String listedBy, String entryId, String partnerId) {
        smallerStepBy.put(key(listedBy, entryId), partnerId);
    }

    void committed(String listedBy, String entryId) {
        committed.add(key(listedBy, entryId));
    }

    private static String key(String listedBy, String entryId) {
        return listedBy + "/" + entryId;
    }
}
