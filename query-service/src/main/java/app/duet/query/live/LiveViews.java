package app.duet.query.live;

/**
 * The processing group of the views partners watch live. Couple and session views share it, so one
 * processor reads the events for both; neither reads the other's documents, so each can be rebuilt alone.
 * Each feature's projection that adds to one of them is in this group too: one processor applies a
 * view's events in their order, whichever projection handles each.
 */
public final class LiveViews {

    public static final String PROCESSING_GROUP = "live-views";

    private LiveViews() {
    }
}
