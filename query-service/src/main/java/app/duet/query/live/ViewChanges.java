package app.duet.query.live;

import app.duet.query.live.ViewChange.ItemChange;
import app.duet.query.live.ViewShape.GrowingList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What changed between two versions of a view, as pushed: the view's small part when it changed, and
 * the items of its growing lists that differ. Its size follows the change, never the history.
 */
public final class ViewChanges {

    /** A record's components by name, read once per class (reading them is slow). */
    static final ClassValue<Map<String, RecordComponent>> COMPONENTS = new ClassValue<>() {
        @Override
        protected Map<String, RecordComponent> computeValue(Class<?> type) {
            Map<String, RecordComponent> byName = new LinkedHashMap<>();
            for (RecordComponent component : type.getRecordComponents()) {
                byName.put(component.getName(), component);
            }
            return byName;
        }
    };

    private final ObjectMapper json;

    public ViewChanges(ObjectMapper json) {
        this.json = json;
    }

    /** before is null for a view that did not exist: then all of it is new. */
    public ViewChange between(Record before, Record after, long version, ViewShape shape) {
        ObjectNode summary = summary(after, shape);
        boolean summaryChanged = before == null || !summary.equals(summary(before, shape));
        List<ItemChange> changes = new ArrayList<>();
        shape.lists().forEach((list, growing) -> changes.addAll(
                changed(list, growing, before == null ? List.of() : listOf(before, list), listOf(after, list))));
        return new ViewChange(version, summaryChanged ? summary : null, changes);
    }

    private ObjectNode summary(Record view, ViewShape shape) {
        ObjectNode summary = json.createObjectNode();
        for (RecordComponent component : COMPONENTS.get(view.getClass()).values()) {
            if (!shape.grows(component.getName()) && !"version".equals(component.getName())) {
                summary.set(component.getName(), json.valueToTree(value(view, component)));
            }
        }
        return summary;
    }

    /** Items the same object in both from the start are unchanged (appending or changing the newest item is cheap); the rest are compared by key. */
    private List<ItemChange> changed(String list, GrowingList growing, List<?> before, List<?> after) {
        int same = 0;
        while (same < before.size() && same < after.size() && before.get(same) == after.get(same)) {
            same++;
        }
        Map<String, Object> old = new LinkedHashMap<>();
        before.subList(same, before.size()).forEach(item -> old.put(keyOf(item, growing), item));
        List<ItemChange> changes = new ArrayList<>();
        for (Object item : after.subList(same, after.size())) {
            String key = keyOf(item, growing);
            Object was = old.remove(key);
            if (!Objects.equals(was, item)) {
                changes.add(new ItemChange(list, growing.keyFields(), key, json.valueToTree(item), growing.newestFirst()));
            }
        }
        old.keySet().forEach(key -> changes.add(new ItemChange(list, growing.keyFields(), key, null, growing.newestFirst())));
        return changes;
    }

    /** An item's key fields' values as JSON gives them, joined by "|"; an item without key fields is its own key. */
    String keyOf(Object item, GrowingList growing) {
        if (growing.keyFields().isEmpty()) {
            return String.valueOf(item);
        }
        Record record = (Record) item;
        Map<String, RecordComponent> components = COMPONENTS.get(record.getClass());
        return growing.keyFields().stream().map(field -> {
            Object value = value(record, components.get(field));
            return value == null || value instanceof String ? String.valueOf(value) : json.valueToTree(value).asString();
        }).collect(Collectors.joining("|"));
    }

    static List<?> listOf(Record view, String list) {
        RecordComponent component = COMPONENTS.get(view.getClass()).get(list);
        if (component == null) {
            throw new IllegalArgumentException(view.getClass().getSimpleName() + " has no list " + list);
        }
        List<?> items = (List<?>) value(view, component);
        return items == null ? List.of() : items;
    }

    static Object value(Record view, RecordComponent component) {
        try {
            return component.getAccessor().invoke(view);
        } catch (ReflectiveOperationException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }
}
