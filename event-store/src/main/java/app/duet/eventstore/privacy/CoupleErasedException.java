package app.duet.eventstore.privacy;

/** Nothing personal can be written for a couple whose key was erased. */
public class CoupleErasedException extends RuntimeException {

    public CoupleErasedException(String coupleId) {
        super("Couple " + coupleId + " has been erased; nothing more can be written for it.");
    }
}
