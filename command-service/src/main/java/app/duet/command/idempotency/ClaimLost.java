package app.duet.command.idempotency;

import org.axonframework.common.AxonNonTransientException;

/**
 * The request's claim on its idempotency key expired and another request with the same key took it
 * over: this command's events are rolled back, so only one of the two is ever stored. Final, never
 * retried.
 */
public class ClaimLost extends AxonNonTransientException {

    ClaimLost() {
        super("Another request with this Idempotency-Key took it over; nothing of this one was stored.");
    }
}
