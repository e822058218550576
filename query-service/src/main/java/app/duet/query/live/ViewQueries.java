package app.duet.query.live;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** Asks a typed query for a view that may not exist; a missing view is a 404 problem. */
public final class ViewQueries {

    private ViewQueries() {
    }

    public static <Q, V> V findOrNotFound(QueryGateway queries, Q query, Class<V> viewType, String what) {
        return queries.query(query, ResponseTypes.optionalInstanceOf(viewType)).join()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No " + what + " is known."));
    }
}
