package app.duet.api.analytics;

/** Where a replay stands: the next frame to play, how fast, and whether it is paused or done. */
public record ReplayStatusView(String replayId, String session, int position, int total, double speed, boolean paused,
                               boolean finished) {
}
