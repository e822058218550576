package app.duet.query.session;

import app.duet.api.exercise.ExerciseStep;
import app.duet.api.session.StepView;
import org.springframework.data.mongodb.core.mapping.Field;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How far a session's steps revealed together have come, by step key: whose answers are ready, the
 * countdown running to the reveal, and when the step was revealed. Never what anyone wrote: that stays
 * among the drafts until the reveal. Stored unwrapped in its session's document, under the names an
 * earlier build gave these fields ("submitted" for those ready).
 */
class StepsProgress {

    @Field("submitted")
    private Map<String, List<String>> ready = new HashMap<>();
    private Map<String, StepView.Countdown> countdowns = new HashMap<>();
    private Map<String, Instant> revealedAt = new HashMap<>();

    void markReady(String step, String partnerId) {
        ready.computeIfAbsent(step, s -> new ArrayList<>()).add(partnerId);
    }

    void takeBack(String step, String partnerId) {
        ready.getOrDefault(step, new ArrayList<>()).remove(partnerId);
    }

    void startCountdown(String step, Instant startedAt, Instant endsAt) {
        countdowns.put(step, new StepView.Countdown(startedAt, endsAt));
    }

    void revealed(String step, Instant at) {
        countdowns.remove(step);
        revealedAt.put(step, at);
    }

    /** A pause holds every countdown, and the end drops them; resuming starts each again, by its own event. */
    void stopCountdowns() {
        countdowns.clear();
    }

    boolean isReady(String step, String partnerId) {
        return ready.getOrDefault(step, List.of()).contains(partnerId);
    }

    boolean isRevealed(String step) {
        return revealedAt.containsKey(step);
    }

    StepView view(ExerciseStep step) {
        return new StepView(step.key(), step.sharing(), step.accepts(), List.copyOf(ready.getOrDefault(step.key(), List.of())),
                countdowns.get(step.key()), revealedAt.get(step.key()));
    }
}
