package app.duet.query.live;

import app.duet.access.NotYours;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.server.ResponseStatusException;

/** Asks a typed query for a view that may not exist. */
public final class ViewQueries {

    private ViewQueries() {
    }

    /**
     * For a view named by an id the caller gave: a missing one is refused exactly as one that is not
     * theirs ({@link NotYours}), so ids cannot be probed.
     */
    public static <Q, V> V findOrRefused(QueryGateway queries, Q query, Class<V> viewType) {
        return queries.query(query, ResponseTypes.optionalInstanceOf(viewType)).join()
                .orElseThrow(() -> new AccessDeniedException(NotYours.DETAIL));
    }

    /** For a view the caller may read once it exists (their own couple, or one they were let into): missing is 404. */
    public static <Q, V> V findOrNotFound(QueryGateway queries, Q query, Class<V> viewType, String what) {
        return queries.query(query, ResponseTypes.optionalInstanceOf(viewType)).join()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No " + what + " is known."));
    }
}
