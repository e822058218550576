package app.duet.query.live;

/**
 * The processing group of the views partners watch live. Couple and session views share it, so one
 * processor reads the events for both; neither reads the other's documents, so each can be rebuilt alone.
 */
public final class LiveViews {

    public static final String PROCESSING_GROUP = "live-views";

    private LiveViews() {
    }
}
