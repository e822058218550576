package app.duet.api.analytics;

/**
 * A projection's processor: where it stands in the event stream against the head, whether it is
 * rebuilding, whether reads are served from it, and how many events wait in its dead-letter queue
 * (it could not apply them; each holds back the later events of its aggregate).
 */
public record ProjectionStatusView(String name, boolean running, boolean replaying, long position, long head,
                               int percent, boolean serving, long deadLetters) {
}
