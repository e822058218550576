package app.duet.api.analytics;

/**
 * A projection's processor: where it stands in the event stream against the head, whether it is
 * rebuilding, and whether reads are served from it.
 */
public record ProjectionStatus(String name, boolean running, boolean replaying, long position, long head,
                               int percent, boolean serving) {
}
