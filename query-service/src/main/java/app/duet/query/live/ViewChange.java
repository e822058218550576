package app.duet.query.live;

import tools.jackson.databind.JsonNode;

import java.util.List;

/**
 * What is pushed when a view changes: its new version, its small part whole when that changed
 * (everything but its growing lists, see {@link ViewShape}), and each item of a growing list that was
 * added, changed or removed. A client holding the previous version applies it; one that sees a gap in
 * the versions fetches the view again.
 */
public record ViewChange(long version, JsonNode summary, List<ItemChange> changes) {

    /**
     * One item of the list named {@code list}, known by {@code key} (its keyFields' values joined by "|"):
     * added or changed when {@code item} is present, removed when it is null. A new item goes at the
     * list's start when the list is newest first, else at its end.
     */
    public record ItemChange(String list, List<String> keyFields, String key, JsonNode item, boolean newestFirst) {
    }
}
