package app.duet.query.live;

/**
 * The processing group of the views partners watch live. Couple and session views share it, so
 * one processor applies their events in store order (a session view copies names from its couple).
 */
public final class LiveViews {

    public static final String PROCESSING_GROUP = "live-views";

    private LiveViews() {
    }
}
