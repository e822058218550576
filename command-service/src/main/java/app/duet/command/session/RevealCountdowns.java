package app.duet.command.session;

import app.duet.api.session.RevealCountdownStarted;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventhandling.GenericEventMessage;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The countdowns to the session's reveals: one starts when the second partner's answers at a step are
 * ready, and a deadline on the durable scheduler ends it (so it survives a restart). A pause holds
 * every running countdown, for the reveal is a moment both share; resuming starts each again, whole.
 * The end of the session drops them. Shared by the members that start, end, hold and resume them.
 */
public final class RevealCountdowns implements Serializable {

    private record Running(Instant endsAt, Duration length) implements Serializable {
    }

    private final SessionFacts session;
    private final Map<String, Running> running = new HashMap<>();
    /** Countdowns a pause stopped, by step, with how long each runs when started again. */
    private final Map<String, Duration> held = new HashMap<>();

    public RevealCountdowns(SessionFacts session) {
        this.session = session;
    }

    /** Starts the countdown at a step: the event that says when it ends, and the deadline that ends it. */
    void start(String step, Duration length, DeadlineManager deadlines) {
        // The event's own clock: the fixtures' simulated time in tests, the system's otherwise.
        Instant endsAt = GenericEventMessage.clock.instant().plus(length).truncatedTo(ChronoUnit.MILLIS);
        apply(new RevealCountdownStarted(session.sessionId(), step, endsAt));
        deadlines.schedule(endsAt, RevealCountdownEnds.NAME, new RevealCountdownEnds(session.sessionId(), step, endsAt));
    }

    /** The session resumed: each countdown its pause held starts again, as long as it first ran. */
    public void resume(DeadlineManager deadlines) {
        new TreeMap<>(held).forEach((step, length) -> start(step, length, deadlines));
    }

    boolean isRunning(String step) {
        return running.containsKey(step);
    }

    /** Whether this deadline ends the step's current countdown, not one a pause or the end made stale. */
    boolean endsNow(RevealCountdownEnds deadline) {
        Running countdown = running.get(deadline.step());
        return countdown != null && countdown.endsAt().equals(deadline.endsAt());
    }

    void started(String step, Instant endsAt, Instant at) {
        running.put(step, new Running(endsAt, Duration.between(at, endsAt)));
        held.remove(step);
    }

    void revealed(String step) {
        running.remove(step);
        held.remove(step);
    }

    void paused() {
        running.forEach((step, countdown) -> held.put(step, countdown.length()));
        running.clear();
    }

    void ended() {
        running.clear();
        held.clear();
    }
}
