package app.duet.query.analytics;

import app.duet.api.analytics.ReplayFrameView;
import app.duet.api.analytics.ReplayStatusView;
import app.duet.api.privacy.CoupleErased;
import app.duet.query.access.AccessEnforcement;
import app.duet.query.access.ReplayOwners;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Analysts' replays of one session: its events pushed in order to {@code /topic/replays.{id}} at the
 * pace they happened, sped up 1 to 50 times, with pause, resume, seek and a change of speed. A
 * replay belongs to the analyst who started it (only they may listen, see {@link ReplayOwners}) and
 * lives on the instance that plays it.
 */
@Component
@ProcessingGroup(AccessEnforcement.PROCESSING_GROUP)
public class Replays implements ReplayOwners {

    static final double SLOWEST = 1;
    static final double FASTEST = 50;

    /** Runs the next frame after a delay; the real one is a scheduled executor, tests bring their own. */
    interface Scheduler {
        ScheduledFuture<?> schedule(Runnable frame, long delayNanos);
    }

    private final class Replay {
        final String id;
        final String ownerId;
        final String coupleId;
        final String session;
        final List<ReplayFrames.Frame> frames;
        int position;
        double speed;
        boolean paused = true;
        ScheduledFuture<?> next;

        Replay(String id, String ownerId, String coupleId, String session, List<ReplayFrames.Frame> frames, double speed) {
            this.id = id;
            this.ownerId = ownerId;
            this.coupleId = coupleId;
            this.session = session;
            this.frames = frames;
            this.speed = speed;
        }

        ReplayStatusView status() {
            return new ReplayStatusView(id, session, position, frames.size(), speed, paused, position >= frames.size());
        }
    }

    private final SimpMessagingTemplate messaging;
    private final Scheduler scheduler;
    private final Duration longestPause;
    private final Map<String, Replay> replays = new ConcurrentHashMap<>();

    @Autowired
    public Replays(SimpMessagingTemplate messaging, @Value("${duet.analytics.longest-pause:60s}") Duration longestPause) {
        this(messaging, scheduledBy(Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "duet-replays");
            thread.setDaemon(true);
            return thread;
        })), longestPause);
    }

    Replays(SimpMessagingTemplate messaging, Scheduler scheduler, Duration longestPause) {
        this.messaging = messaging;
        this.scheduler = scheduler;
        this.longestPause = longestPause;
    }

    private static Scheduler scheduledBy(ScheduledExecutorService executor) {
        return (frame, delayNanos) -> executor.schedule(frame, delayNanos, TimeUnit.NANOSECONDS);
    }

    /** Prepares a replay, paused at its first frame, so the analyst can subscribe before it plays. */
    synchronized ReplayStatusView prepare(String ownerId, String coupleId, String session, List<ReplayFrames.Frame> frames,
                                          double speed) {
        Replay replay = new Replay(UUID.randomUUID().toString(), ownerId, coupleId, session, frames, checked(speed));
        replays.put(replay.id, replay);
        return replay.status();
    }

    public synchronized ReplayStatusView resume(String replayId, String ownerId) {
        Replay replay = owned(replayId, ownerId);
        if (replay.paused && replay.position < replay.frames.size()) {
            replay.paused = false;
            playNext(replay, 0);
        }
        return announce(replay);
    }

    public synchronized ReplayStatusView pause(String replayId, String ownerId) {
        Replay replay = owned(replayId, ownerId);
        stop(replay);
        return announce(replay);
    }

    /** Goes to a frame (0 is the start); a playing replay goes on from there. */
    public synchronized ReplayStatusView seek(String replayId, String ownerId, int position) {
        Replay replay = owned(replayId, ownerId);
        if (position < 0 || position > replay.frames.size()) {
            throw new IllegalArgumentException("position must be between 0 and " + replay.frames.size() + ".");
        }
        boolean playing = !replay.paused;
        stop(replay);
        replay.position = position;
        if (playing) {
            replay.paused = false;
            playNext(replay, 0);
        }
        return announce(replay);
    }

    public synchronized ReplayStatusView speed(String replayId, String ownerId, double speed) {
        Replay replay = owned(replayId, ownerId);
        replay.speed = checked(speed);
        return announce(replay);
    }

    @Override
    public Optional<String> ownerOf(String replayId) {
        return Optional.ofNullable(replays.get(replayId)).map(replay -> replay.ownerId);
    }

    /** An erased couple's replays stop and go, on every instance (this group starts at the head on each). */
    @EventHandler
    synchronized void on(CoupleErased event) {
        forgetCouple(event.coupleId());
    }

    synchronized void forgetCouple(String coupleId) {
        replays.values().removeIf(replay -> {
            if (replay.coupleId.equals(coupleId)) {
                stop(replay);
                return true;
            }
            return false;
        });
    }

    /**
     * How long to wait between two frames: the time between their events, a silence no longer than
     * the longest pause, divided by the speed.
     */
    static long delayNanos(ReplayFrames.Frame previous, ReplayFrames.Frame next, double speed, Duration longestPause) {
        Duration gap = Duration.between(previous.at(), next.at());
        if (gap.isNegative()) {
            gap = Duration.ZERO;
        }
        if (gap.compareTo(longestPause) > 0) {
            gap = longestPause;
        }
        return (long) (gap.toNanos() / speed);
    }

    private void playNext(Replay replay, long delayNanos) {
        replay.next = scheduler.schedule(() -> play(replay), delayNanos);
    }

    private synchronized void play(Replay replay) {
        if (replay.paused || replay.position >= replay.frames.size() || !replays.containsKey(replay.id)) {
            return;
        }
        ReplayFrames.Frame frame = replay.frames.get(replay.position);
        messaging.convertAndSend(TOPIC + replay.id, new ReplayFrameView(replay.id, replay.position, replay.frames.size(),
                frame.at(), frame.type(), frame.actor(), frame.details()));
        replay.position++;
        if (replay.position < replay.frames.size()) {
            playNext(replay, delayNanos(frame, replay.frames.get(replay.position), replay.speed, longestPause));
        } else {
            replay.paused = true;
            announce(replay);
        }
    }

    private void stop(Replay replay) {
        replay.paused = true;
        if (replay.next != null) {
            replay.next.cancel(false);
            replay.next = null;
        }
    }

    private ReplayStatusView announce(Replay replay) {
        ReplayStatusView status = replay.status();
        messaging.convertAndSend(TOPIC + replay.id, status);
        return status;
    }

    private Replay owned(String replayId, String ownerId) {
        Replay replay = replays.get(replayId);
        if (replay == null) {
            throw new NoSuchElementException("There is no replay " + replayId + ".");
        }
        if (!replay.ownerId.equals(ownerId)) {
            throw new AccessDeniedException("This replay belongs to another analyst.");
        }
        return replay;
    }

    private static double checked(double speed) {
        if (speed < SLOWEST || speed > FASTEST) {
            throw new IllegalArgumentException("speed must be between 1 and 50.");
        }
        return speed;
    }
}
