package app.duet.query.support;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What one person's screen was given of one view, in time order: each (re)connection, each fetch
 * (at the moment it was asked, so a push that arrives while the answer travels is not taken for a
 * step back) and each push. The checks are the promises of docs/STOMP.md: pushes on a connection
 * arrive in order, one version after another, and no fetch answers older than what was seen before
 * it was asked.
 */
public final class ScreenLog {

    private record Entry(long atNanos, String kind, long version) {
        @Override
        public String toString() {
            return kind.equals("connect") ? "connect" : kind + " " + version;
        }
    }

    private final String name;
    private final List<Entry> entries = new ArrayList<>();

    public ScreenLog(String name) {
        this.name = name;
    }

    public synchronized void connected() {
        entries.add(new Entry(System.nanoTime(), "connect", -1));
    }

    /** A view fetched over REST, asked for at {@code askedAtNanos}. */
    public synchronized void fetched(long askedAtNanos, long version) {
        entries.add(new Entry(askedAtNanos, "fetch", version));
    }

    /** The views pushed on one connection (notices left out). */
    public synchronized void pushed(List<StompTestClient.Received> received, String destination) {
        for (StompTestClient.Received message : received) {
            if (message.destination().equals(destination) && !message.isNotice()) {
                entries.add(new Entry(message.receivedNanos(), "push", message.version()));
            }
        }
    }

    /**
     * @param consecutivePushes whether every push on a connection must be exactly one version above
     *                          what the screen showed (true while nothing interrupted the stream of
     *                          changes; a stream interrupted by catching up is mended by a fetch)
     */
    public synchronized void assertNeverWentBack(boolean consecutivePushes) {
        List<Entry> inOrder = entries.stream().sorted(Comparator.comparingLong(Entry::atNanos)).toList();
        long seen = -1;
        long lastPush = -1;
        long highestPushed = -1;
        long pushedOnEarlierConnections = -1;
        for (Entry entry : inOrder) {
            switch (entry.kind()) {
                case "connect" -> {
                    lastPush = -1;
                    pushedOnEarlierConnections = highestPushed;
                }
                case "fetch" -> {
                    assertThat(entry.version()).as(name + " fetched a view older than one it had seen: " + inOrder)
                            .isGreaterThanOrEqualTo(seen);
                    seen = entry.version();
                }
                default -> {
                    assertThat(entry.version()).as(name + " was pushed a version out of order: " + inOrder)
                            .isGreaterThan(lastPush);
                    // Published after this connection subscribed, so after everything earlier connections got.
                    assertThat(entry.version()).as(name + " was pushed a step back after reconnecting: " + inOrder)
                            .isGreaterThan(pushedOnEarlierConnections);
                    if (consecutivePushes && lastPush >= 0) {
                        assertThat(entry.version()).as(name + " missed a push on a live connection: " + inOrder)
                                .isEqualTo(lastPush + 1);
                    }
                    lastPush = entry.version();
                    highestPushed = Math.max(highestPushed, entry.version());
                    seen = Math.max(seen, entry.version());
                }
            }
        }
    }

    public synchronized long lastVersion() {
        return entries.stream().mapToLong(Entry::version).max().orElse(-1);
    }

    public synchronized int size() {
        return entries.size();
    }
}
