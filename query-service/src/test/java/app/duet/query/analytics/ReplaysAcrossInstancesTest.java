package app.duet.query.analytics;

import app.duet.api.analytics.ReplayFrameView;
import app.duet.query.support.InProcessMongo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.security.access.AccessDeniedException;

import java.time.Duration;

import static app.duet.query.analytics.ReplaysTest.FRAMES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two instances' replays on one MongoDB, each with its own scheduler and broker: a replay is
 * controlled from either, played by one at a time, taken over when its player stops renewing its
 * lease, and forgotten when nobody touches it.
 */
class ReplaysAcrossInstancesTest {

    @RegisterExtension
    static final InProcessMongo MONGO = new InProcessMongo();
    private static final Duration LEASE = ReplayInstances.LEASE;

    private SettableClock clock;
    private ReplayStore store;
    private ReplayInstances instances;
    private SimpMessagingTemplate messaging;
    private ManualScheduler scheduler;
    private Replays replays;

    @BeforeEach
    void setUp() {
        instances = new ReplayInstances(MONGO.client(), "replays-across-instances");
        clock = instances.clock;
        store = instances.store;
        ReplayInstances.Instance first = instances.start();
        replays = first.replays();
        messaging = first.pushes();
        scheduler = first.frames();
    }

    @Test
    void aReplayPreparedOnOneInstanceIsControlledAndPlayedFromAnother() {
        ReplayInstances.Instance second = instances.start();
        Replays other = second.replays();
        SimpMessagingTemplate otherPushes = second.pushes();
        ManualScheduler otherFrames = second.frames();
        String id = replays.prepare("analyst", "couple", "s-1", FRAMES, 50).replayId();

        assertThat(other.ownerOf(id)).contains("analyst");
        other.resume(id, "analyst");
        otherFrames.runNext();
        replays.pause(id, "analyst");
        otherFrames.runNext();
        assertThat(ReplaysTest.sentFrames(otherPushes)).extracting(ReplayFrameView::index).containsExactly(0);

        other.seek(id, "analyst", 2);
        replays.resume(id, "analyst");
        scheduler.runNext();
        scheduler.runNext();
        assertThat(ReplaysTest.sentFrames(messaging)).extracting(ReplayFrameView::index).containsExactly(2, 3);
        assertThat(scheduler.nothingPending()).as("nothing left to play").isTrue();
        assertThatThrownBy(() -> other.pause(id, "another analyst"))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void whenThePlayerStopsRenewingItsLeaseAnotherInstanceGoesOnWhereItStoodAndTheOldChainStaysSilent() {
        ReplayInstances.Instance second = instances.start();
        Replays other = second.replays();
        SimpMessagingTemplate otherPushes = second.pushes();
        ManualScheduler otherFrames = second.frames();
        String id = replays.prepare("analyst", "couple", "s-1", FRAMES, 1).replayId();
        replays.resume(id, "analyst");
        scheduler.runNext();

        clock.now = clock.now.plusSeconds(2);
        other.keep();
        assertThat(otherFrames.pending).as("the lease still holds").isEmpty();
        clock.now = clock.now.plus(LEASE);
        other.keep();
        assertThat(otherFrames.delays).as("what was left of the 10 s wait").containsExactly(Duration.ofSeconds(2).toNanos());

        otherFrames.runNext();
        scheduler.runNext();
        assertThat(ReplaysTest.sentFrames(messaging)).extracting(ReplayFrameView::index).containsExactly(0);
        assertThat(ReplaysTest.sentFrames(otherPushes)).extracting(ReplayFrameView::index).containsExactly(1);
    }

    @Test
    void aReplayNobodyTouchesForLongIsForgotten() {
        String id = replays.prepare("analyst", "couple", "s-1", FRAMES, 1).replayId();
        clock.now = clock.now.plus(Duration.ofMinutes(59));
        replays.keep();
        assertThat(replays.ownerOf(id)).isPresent();

        clock.now = clock.now.plus(Duration.ofMinutes(2));
        replays.keep();
        assertThat(replays.ownerOf(id)).isEmpty();
        assertThat(store.frame(id, 0)).isEmpty();
    }
}
