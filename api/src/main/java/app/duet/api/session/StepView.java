package app.duet.api.session;

import app.duet.api.exercise.EntryKind;
import app.duet.api.exercise.Sharing;

import java.time.Instant;
import java.util.List;

/**
 * A step of the session's exercise: how its entries are shared and, at a step revealed together,
 * who is ready (never what they wrote), the countdown to the reveal while it runs, and when it was revealed.
 */
public record StepView(String key, Sharing sharing, List<EntryKind> accepts, List<String> readyBy, Countdown countdown,
                       Instant revealedAt) {

    /** The countdown to a reveal: both are ready; the answers open for both at {@code endsAt}. */
    public record Countdown(Instant startedAt, Instant endsAt) {
    }
}
