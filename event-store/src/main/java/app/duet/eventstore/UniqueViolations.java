package app.duet.eventstore;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;

/**
 * Tells Axon when an append failed because another writer took the same aggregate sequence number
 * first, so it raises a ConcurrencyException, which the command gateway retries. Axon's own JDBC
 * resolver only knows {@link SQLIntegrityConstraintViolationException}, which PostgreSQL's driver
 * never throws; the portable signal is SQLSTATE 23505, "unique violation", on any cause.
 */
public class UniqueViolations implements PersistenceExceptionResolver {

    private static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLIntegrityConstraintViolationException
                    || cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
