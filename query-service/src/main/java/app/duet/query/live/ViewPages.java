package app.duet.query.live;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.List;

/**
 * A view over REST holds only the newest {@link #WINDOW} items of each growing list (page 0); older
 * ones come a page at a time. Pages count from the newest: page p of size s holds the items
 * s·p to s·(p+1) from the newest end, in the list's own order. A list that grew between two reads
 * shifts its pages toward the old end, so a client may get an item twice (it keys them) but misses none.
 */
public final class ViewPages {

    public static final int WINDOW = 50;
    public static final int MAX_SIZE = 100;
    public static final int MAX_PAGE = 1_000_000;

    private ViewPages() {
    }

    /**
     * One page of a growing list of a view: its items in the list's own order, how an item is known
     * (as in a pushed {@link ViewChange.ItemChange}), and whether older pages follow.
     */
    public record ItemPage(String list, List<String> keyFields, boolean newestFirst, int page, int size,
                           List<Object> items, boolean more) {
    }

    /** The view as REST gives it: each growing list cut to its newest WINDOW items. */
    @SuppressWarnings("unchecked")
    public static <V extends Record> V window(V view, ViewShape shape) {
        RecordComponent[] components = ViewChanges.COMPONENTS.get(view.getClass()).values().toArray(RecordComponent[]::new);
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            String name = components[i].getName();
            types[i] = components[i].getType();
            values[i] = shape.grows(name) ? slice(ViewChanges.listOf(view, name), shape.lists().get(name), 0, WINDOW)
                    : ViewChanges.value(view, components[i]);
        }
        try {
            Constructor<?> canonical = view.getClass().getDeclaredConstructor(types);
            return (V) canonical.newInstance(values);
        } catch (ReflectiveOperationException unbuildable) {
            throw new IllegalStateException(unbuildable);
        }
    }

    /** Refuses a list the view does not grow, and a page or size out of bounds, naming the field. */
    public static void check(ViewShape shape, String list, Integer page, Integer size) {
        if (!shape.grows(list)) {
            throw new BadPageRequest("list", "is not one of " + shape.lists().keySet().stream().sorted().toList());
        }
        if (page == null || page < 0 || page > MAX_PAGE) {
            throw new BadPageRequest("page", "must be between 0 and " + MAX_PAGE);
        }
        if (size == null || size < 1 || size > MAX_SIZE) {
            throw new BadPageRequest("size", "must be between 1 and " + MAX_SIZE);
        }
    }

    public static ItemPage page(Record view, ViewShape shape, String list, Integer page, Integer size) {
        check(shape, list, page, size);
        List<?> items = ViewChanges.listOf(view, list);
        ViewShape.GrowingList growing = shape.lists().get(list);
        long from = (long) page * size;
        return new ItemPage(list, growing.keyFields(), growing.newestFirst(), page, size,
                List.copyOf(slice(items, growing, from, size)), from + size < items.size());
    }

    /** count items starting from the newest end, skipping the newest {@code from}, in the list's order. */
    private static List<?> slice(List<?> items, ViewShape.GrowingList growing, long from, long count) {
        int n = items.size();
        if (from >= n) {
            return List.of();
        }
        int skip = (int) from;
        int take = (int) Math.min(count, n - from);
        return growing.newestFirst() ? items.subList(skip, skip + take) : items.subList(n - skip - take, n - skip);
    }

    /** A paging parameter out of bounds: a 400 problem naming {@code field}. */
    public static class BadPageRequest extends RuntimeException {

        private final String field;

        BadPageRequest(String field, String message) {
            super(field + " " + message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }
}
