package app.duet.command.session;

import app.duet.api.exercise.ExerciseStep;
import app.duet.api.session.Exercise;
import app.duet.api.session.SessionStarted;
import app.duet.command.RuleViolation;

import java.util.List;
import java.io.Serializable;

/** What a session is from its start to its end: its id, its couple, its exercise and its two partners. */
public record SessionFacts(String sessionId, String coupleId, Exercise exercise, List<String> partnerIds) implements Serializable {

    public static SessionFacts of(SessionStarted started) {
        return new SessionFacts(started.sessionId(), started.coupleId(), started.exercise(),
                List.copyOf(started.partnerIds()));
    }

    /** A step of the session's exercise (free notes included), or the rule that it has none such. */
    ExerciseStep requireStep(String key) {
        return exercise.step(key)
                .orElseThrow(() -> new RuleViolation("unknown-step", "This exercise has no such step."));
    }

    public boolean isPartner(String id) {
        return partnerIds.contains(id);
    }

    public String otherPartner(String partnerId) {
        return partnerIds.get(0).equals(partnerId) ? partnerIds.get(1) : partnerIds.get(0);
    }
}
