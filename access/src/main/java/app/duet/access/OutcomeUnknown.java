package app.duet.access;

/**
 * The database went away while committing: the commit may have been kept or not, and nobody can
 * tell until it is back. Not a refusal, so it is never retried as one; a client learns the outcome
 * by sending the same request again with its {@code Idempotency-Key}.
 */
public class OutcomeUnknown extends RuntimeException {

    public OutcomeUnknown(Throwable cause) {
        super("The database connection was lost during the commit; the outcome is unknown", cause);
    }
}
