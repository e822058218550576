package app.duet.query.batch;

/**
 * A batch that kept its documents as objects had a handler fail, which may have left part of its
 * change in one of them: nothing of the batch is stored, and its processor applies it again, each read
 * a fresh copy, where the failed event's change goes with its copy and the event to the dead-letter
 * queue.
 */
public final class AppliedAgainOnCopies extends RuntimeException {

    AppliedAgainOnCopies() {
        super("A handler failed in a batch that kept its documents as objects: it is applied again on copies");
    }

    /** Whether a processor's failure is this refusal, however Axon wrapped it. */
    public static boolean isCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof AppliedAgainOnCopies) {
                return true;
            }
        }
        return false;
    }
}
