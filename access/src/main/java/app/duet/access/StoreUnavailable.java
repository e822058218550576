package app.duet.access;

import tools.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * A database that cannot be reached (the event store or MongoDB: stopped, restarting, the network cut) is answered 503 with
 * {@code Retry-After}, whichever controller, handler or lookup met it, and before any other
 * resolver can call it a 500. The pool gives up on a connection within seconds
 * ({@code spring.datasource.hikari.connection-timeout}), so a request fails fast while the
 * database is away and succeeds again as soon as it is back.
 */
public class StoreUnavailable implements HandlerExceptionResolver, Ordered {

    public static final int RETRY_AFTER_SECONDS = 5;

    private static final Logger log = LoggerFactory.getLogger(StoreUnavailable.class);
    private static final String HIKARI_CLOSED_CONNECTION = "Connection is closed";

    private final ObjectMapper json;

    StoreUnavailable(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Whether {@code failure} or any of its causes says the database could not be reached: the
     * pool ran out of time for a connection, or the server refused, dropped or was shutting down
     * (SQLSTATE class 08, connection exception; 57P01-57P03, shutdown and not yet accepting), or
     * the pool's connection had already been closed under the caller (Hikari says so without a
     * SQLSTATE; a rollback on a dropped connection fails that way and hides the first failure).
     */
    public static boolean isCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && isConnectionLost(sql)) {
                return true;
            }
            if (isMongoUnreachable(cause)) {
                return true;
            }
        }
        return false;
    }

    /**
     * MongoDB (the views) could not be reached: the driver found no server in time or lost its
     * socket, which Spring Data reports as a resource failure. Known by name: the services that
     * read MongoDB have its driver, this module does not.
     */
    private static boolean isMongoUnreachable(Throwable failure) {
        for (Class<?> type = failure.getClass(); type != null; type = type.getSuperclass()) {
            if (MONGO_UNREACHABLE.contains(type.getName())) {
                return true;
            }
        }
        return false;
    }

    private static final java.util.Set<String> MONGO_UNREACHABLE = java.util.Set.of(
            "com.mongodb.MongoTimeoutException", "com.mongodb.MongoSocketException",
            "org.springframework.dao.DataAccessResourceFailureException");

    private static boolean isConnectionLost(SQLException failure) {
        String state = failure.getSQLState();
        if (state == null) {
            return HIKARI_CLOSED_CONNECTION.equals(failure.getMessage());
        }
        return state.startsWith("08") || state.matches("57P0[123]");
    }

    /** The rule a 503 names when the connection was lost during the commit itself. */
    public static final String OUTCOME_UNKNOWN = "outcome-unknown";

    private static boolean isOutcomeUnknown(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof OutcomeUnknown) {
                return true;
            }
        }
        return false;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                         Exception failure) {
        return answered(json, request, response, failure) ? new ModelAndView() : null;
    }

    /**
     * Answers 503 if the database could not be reached, for code that runs outside Spring MVC's
     * exception handling (a servlet filter that reads the database); says whether it did.
     */
    public static boolean answered(ObjectMapper json, HttpServletRequest request, HttpServletResponse response,
                                   Throwable failure) {
        if (!isCause(failure) || response.isCommitted()) {
            return false;
        }
        boolean unknown = isOutcomeUnknown(failure);
        log.warn("{} {} {}: the database cannot be reached ({})", request.getMethod(), request.getRequestURI(),
                unknown ? "may or may not be kept" : "refused", failure.getClass().getSimpleName());
        try {
            response.setHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
            if (unknown) {
                ProblemResponses.write(json, response, HttpStatus.SERVICE_UNAVAILABLE, "Outcome unknown", OUTCOME_UNKNOWN,
                        "The database went away while keeping this, so it may or may not have been kept. Send it again "
                                + "with the same Idempotency-Key to find out; without one, look before sending it again.");
            } else {
                ProblemResponses.write(json, response, HttpStatus.SERVICE_UNAVAILABLE, "Temporarily unavailable",
                        "The database cannot be reached right now, so this was not done. Try again in a few seconds.");
            }
        } catch (IOException cut) {
            log.debug("Could not answer the refusal", cut);
        }
        return true;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
