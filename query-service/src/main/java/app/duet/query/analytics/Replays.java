package app.duet.query.analytics;

import app.duet.api.analytics.ReplayFrameView;
import app.duet.api.analytics.ReplayStatusView;
import app.duet.api.privacy.CoupleErased;
import app.duet.query.access.AccessEnforcement;
import app.duet.query.access.ReplayOwners;
import app.duet.query.events.ThisInstance;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Function;

/**
 * Analysts' replays of one session: its events pushed in order to {@code /topic/replays.{id}} at the
 * pace they happened, sped up 1 to 50 times, with pause, resume, seek and a change of speed. A
 * replay belongs to the analyst who started it (only they may listen, see {@link ReplayOwners}).
 * <p>
 * Its state and frames live in MongoDB ({@link ReplayStore}), so a request may land on any
 * instance. The instance that starts it playing (a resume, a seek while playing) plays it, under a
 * lease it renews; if it dies, another takes the replay over where it stood. Pushes go through the
 * STOMP broker, which with the RabbitMQ relay reaches the analyst wherever they are connected.
 */
@Component
@ProcessingGroup(AccessEnforcement.PROCESSING_GROUP)
public class Replays implements ReplayOwners {

    static final double SLOWEST = 1;
    static final double FASTEST = 50;
    private static final Logger log = LoggerFactory.getLogger(Replays.class);
    private static final int ATTEMPTS = 10;

    /** Runs the next frame after a delay; the real one is {@link ReplayTimer}, tests bring their own. */
    interface Scheduler {
        ScheduledFuture<?> schedule(Runnable frame, long delayNanos);

        default void repeat(Runnable task, Duration every) {
        }

        default void stop() throws InterruptedException {
        }
    }

    /** How long a player's claim lasts unrenewed, and how long an untouched replay is kept. */
    record Keeping(Duration lease, Duration idle) {
    }

    /** The next frame of the chain {@code run}, waiting on this instance. */
    private record Chain(String run, ScheduledFuture<?> next) {
    }

    private final ReplayStore store;
    private final SimpMessagingTemplate messaging;
    private final Scheduler scheduler;
    private final Clock clock;
    private final Duration longestPause;
    private final Keeping keeping;
    private final String instance;
    /** The chains of frames this instance plays, by replay: only these leases are renewed. */
    private final Map<String, Chain> playing = new ConcurrentHashMap<>();

    @Autowired
    public Replays(ReplayStore store, SimpMessagingTemplate messaging, ThisInstance instance,
                   @Value("${duet.analytics.longest-pause:60s}") Duration longestPause,
                   @Value("${duet.analytics.replay-lease:6s}") Duration lease,
                   @Value("${duet.analytics.replay-idle:1h}") Duration idle) {
        this(store, messaging, instance.id(), new ReplayTimer(), Clock.systemUTC(), longestPause, new Keeping(lease, idle));
    }

    Replays(ReplayStore store, SimpMessagingTemplate messaging, String instance, Scheduler scheduler, Clock clock,
            Duration longestPause, Keeping keeping) {
        this.store = store;
        this.instance = instance;
        this.messaging = messaging;
        this.clock = clock;
        this.longestPause = longestPause;
        this.keeping = keeping;
        this.scheduler = scheduler;
        scheduler.repeat(this::keep, keeping.lease().dividedBy(3));
    }

    /** Prepares a replay, paused at its first frame, so the analyst can subscribe before it plays. */
    ReplayStatusView prepare(String ownerId, String coupleId, String session, List<ReplayFrames.Frame> frames,
                             double speed) {
        Instant now = clock.instant();
        ReplayState replay = new ReplayState(UUID.randomUUID().toString(), ownerId, coupleId, session, frames.size(), 0,
                checked(speed), true, 0, UUID.randomUUID().toString(), null, Instant.EPOCH, now, now);
        store.create(replay, frames);
        return replay.status();
    }

    public ReplayStatusView resume(String replayId, String ownerId) {
        return change(replayId, ownerId, replay -> replay.paused() && !replay.finished() ? playHere(new Update()) : null);
    }

    public ReplayStatusView pause(String replayId, String ownerId) {
        return change(replayId, ownerId, replay -> new Update().set("paused", true).set("run", newRun()));
    }

    /** Goes to a frame (0 is the start); a playing replay goes on from there. */
    public ReplayStatusView seek(String replayId, String ownerId, int position) {
        return change(replayId, ownerId, replay -> {
            if (position < 0 || position > replay.frameCount()) {
                throw new IllegalArgumentException("position must be between 0 and " + replay.frameCount() + ".");
            }
            Update update = new Update().set("position", position).set("run", newRun());
            return replay.playing() && position < replay.frameCount() ? playHere(update) : update.set("paused", true);
        });
    }

    /** A new speed applies from the frame after the one already waited for. */
    public ReplayStatusView speed(String replayId, String ownerId, double speed) {
        double checked = checked(speed);
        return change(replayId, ownerId, replay -> new Update().set("speed", checked));
    }

    @Override
    public Optional<String> ownerOf(String replayId) {
        return store.find(replayId).map(ReplayState::ownerId);
    }

    /** An erased couple's replays stop and go, on every instance (this group starts at the head on each). */
    @EventHandler
    void on(CoupleErased event) {
        forgetCouple(event.coupleId());
    }

    void forgetCouple(String coupleId) {
        store.removeCouple(coupleId).forEach(this::stopPlaying);
    }

    /**
     * What every instance does every third of a lease: renews the leases of what it plays, takes over
     * the replays whose player's lease lapsed, and forgets the replays nobody touched for long.
     */
    void keep() {
        try {
            keepNow(clock.instant());
        } catch (RuntimeException unavailable) {
            log.debug("Could not keep the replays this time", unavailable);
        }
    }

    private void keepNow(Instant now) {
        store.renew(playing.keySet(), instance, now.plus(keeping.lease()));
        for (ReplayState lapsed : store.lapsed(now)) {
            String run = newRun();
            store.takeOver(lapsed, instance, run, now.plus(keeping.lease()), now).ifPresent(replay -> {
                log.info("Took over replay {} at frame {}", replay.id(), replay.position());
                schedule(replay.id(), run, Math.max(0, Duration.between(now, replay.nextAt()).toNanos()));
            });
        }
        store.removeUntouchedSince(now.minus(keeping.idle())).forEach(this::stopPlaying);
    }

    /** Before this instance's broker stops: the frame being pushed goes out, the rest go to another instance. */
    @EventListener(ContextClosedEvent.class)
    void handOver() throws InterruptedException {
        scheduler.stop();
        playing.clear();
        store.release(instance);
    }

    /** Applies a control, retrying if another request changed the replay meanwhile; {@code null} changes nothing. */
    private ReplayStatusView change(String replayId, String ownerId, Function<ReplayState, Update> control) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            ReplayState before = owned(replayId, ownerId);
            Update update = control.apply(before);
            if (update == null) {
                return announce(before);
            }
            Optional<ReplayState> after = store.changeIfUnchanged(before, update, clock.instant());
            if (after.isPresent()) {
                ReplayState replay = after.get();
                if (!replay.run().equals(before.run())) {
                    stopPlaying(replayId);
                    if (replay.playing() && instance.equals(replay.player())) {
                        schedule(replayId, replay.run(), 0);
                    }
                }
                return announce(replay);
            }
        }
        throw new IllegalStateException("The replay changes too often to be controlled; try again.");
    }

    private Update playHere(Update update) {
        Instant now = clock.instant();
        return update.set("paused", false).set("run", newRun()).set("player", instance)
                .set("nextAt", now).set("leaseUntil", now.plus(keeping.lease()));
    }

    /** Locked, so a frame run at once records its successor only after this one is recorded. */
    private void schedule(String replayId, String run, long delayNanos) {
        synchronized (playing) {
            playing.put(replayId, new Chain(run, scheduler.schedule(() -> play(replayId, run), delayNanos)));
        }
    }

    private void ended(String replayId, String run) {
        synchronized (playing) {
            playing.computeIfPresent(replayId, (id, chain) -> chain.run().equals(run) ? null : chain);
        }
    }

    /** Pushes the next frame, if this chain still plays the replay, and waits for the one after. */
    private void play(String replayId, String run) {
        try {
            Optional<ReplayState> found = store.find(replayId);
            if (found.isEmpty() || !run.equals(found.get().run()) || !instance.equals(found.get().player())
                    || !found.get().playing()) {
                ended(replayId, run);
                return;
            }
            ReplayState replay = found.get();
            ReplayFrames.Frame frame = store.frame(replayId, replay.position()).orElseThrow();
            Optional<ReplayFrames.Frame> after = replay.position() + 1 < replay.frameCount()
                    ? store.frame(replayId, replay.position() + 1) : Optional.empty();
            long delay = after.map(next -> ReplayFrames.delayNanos(frame, next, replay.speed(), longestPause)).orElse(0L);
            Instant now = clock.instant();
            Optional<ReplayState> advanced = store.advance(replay, now.plusNanos(delay), now.plus(keeping.lease()), now);
            if (advanced.isEmpty()) {
                ended(replayId, run);
                return;
            }
            messaging.convertAndSend(TOPIC + replayId, new ReplayFrameView(replayId, replay.position(),
                    replay.frameCount(), frame.at(), frame.type(), frame.actor(), frame.details()));
            if (after.isPresent()) {
                schedule(replayId, run, delay);
            } else {
                ended(replayId, run);
                announce(advanced.get());
            }
        } catch (RuntimeException unavailable) {
            // MongoDB away or the frame gone: the lease lapses and an instance takes the replay over.
            ended(replayId, run);
            log.warn("Replay {} stopped playing here: {}", replayId, unavailable.toString());
        }
    }

    private void stopPlaying(String replayId) {
        synchronized (playing) {
            Chain chain = playing.remove(replayId);
            if (chain != null) {
                chain.next().cancel(false);
            }
        }
    }

    private ReplayStatusView announce(ReplayState replay) {
        ReplayStatusView status = replay.status();
        messaging.convertAndSend(TOPIC + replay.id(), status);
        return status;
    }

    private ReplayState owned(String replayId, String ownerId) {
        ReplayState replay = store.find(replayId)
                .orElseThrow(() -> new NoSuchElementException("There is no replay " + replayId + "."));
        if (!replay.ownerId().equals(ownerId)) {
            throw new AccessDeniedException("This replay belongs to another analyst.");
        }
        return replay;
    }

    private static String newRun() {
        return UUID.randomUUID().toString();
    }

    private static double checked(double speed) {
        if (speed < SLOWEST || speed > FASTEST) {
            throw new IllegalArgumentException("speed must be between 1 and 50.");
        }
        return speed;
    }
}
