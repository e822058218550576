package app.duet.query.analytics;

import app.duet.api.exercise.BehaviourListed;
import app.duet.api.exercise.CycleLinkRecorded;
import app.duet.api.exercise.LeanRecorded;
import app.duet.api.exercise.NeedStated;
import app.duet.api.exercise.ReassuranceWritten;
import app.duet.api.session.AnswersRevealed;
import app.duet.api.session.DraftWritten;
import app.duet.api.session.EntryShared;
import app.duet.api.session.SessionStarted;
import org.axonframework.eventhandling.DomainEventMessage;

import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a session's events into what an analyst may see of them: the type, when, who acted as "A",
 * "B" or "therapist", and only enumerations, numbers, yes/no and step keys. Every string but a
 * step key is dropped, so no word, name or id passes, whatever an event carries.
 */
final class ReplayFrames {

    /** One event as replayed; {@code index} counts from 0. */
    record Frame(Instant at, String type, String actor, Map<String, Object> details) {
    }

    private static final Set<String> ACTOR_FIELDS = Set.of("partnerId", "authorId", "fromPartnerId", "byPartnerId",
            "chosenBy", "offeredBy", "committedBy", "proposedBy", "agreedBy", "startedBy", "endedBy", "pausedBy",
            "resumedBy", "revealedBy");

    private ReplayFrames() {
    }

    static List<Frame> of(List<DomainEventMessage<?>> events) {
        List<String> partners = events.stream().map(DomainEventMessage::getPayload)
                .filter(SessionStarted.class::isInstance).map(SessionStarted.class::cast)
                .map(SessionStarted::partnerIds).findFirst().orElse(List.of());
        Map<String, Object> unshared = new LinkedHashMap<>();
        List<Frame> frames = new java.util.ArrayList<>();
        for (DomainEventMessage<?> event : events) {
            Object payload = event.getPayload();
            String entry = privateEntry(payload);
            if (entry != null) {
                unshared.put(entry, payload);
                continue;
            }
            frames.add(frame(payload, event.getTimestamp(), partners));
            if (payload instanceof EntryShared shared) {
                letOut(unshared.remove(shared.authorId() + "/" + shared.entryId()), event, partners, frames);
            } else if (payload instanceof AnswersRevealed revealed) {
                revealed.entries().forEach(answer ->
                        letOut(unshared.remove(answer.authorId() + "/" + answer.entryId()), event, partners, frames));
            }
        }
        return frames;
    }

    private static void letOut(Object answer, DomainEventMessage<?> when, List<String> partners, List<Frame> frames) {
        if (answer != null) {
            frames.add(frame(answer, when.getTimestamp(), partners));
        }
    }

    /** The author and entry id of an answer that starts private, or null for anything else. */
    private static String privateEntry(Object payload) {
        if (payload instanceof DraftWritten e) {
            return e.authorId() + "/" + e.entryId();
        } else if (payload instanceof CycleLinkRecorded e) {
            return e.authorId() + "/" + e.entryId();
        } else if (payload instanceof BehaviourListed e) {
            return e.authorId() + "/" + e.entryId();
        } else if (payload instanceof NeedStated e) {
            return e.authorId() + "/" + e.entryId();
        } else if (payload instanceof ReassuranceWritten e) {
            return e.authorId() + "/" + e.entryId();
        } else if (payload instanceof LeanRecorded e) {
            return e.partnerId() + "/" + e.entryId();
        }
        return null;
    }

    static Frame frame(Object payload, Instant at, List<String> partners) {
        String actor = null;
        Map<String, Object> details = new LinkedHashMap<>();
        if (payload.getClass().isRecord()) {
            for (RecordComponent component : payload.getClass().getRecordComponents()) {
                Object value = read(component, payload);
                String name = component.getName();
                if (value == null) {
                    continue;
                }
                if (actor == null && ACTOR_FIELDS.contains(name) && value instanceof String id) {
                    actor = Pseudonyms.partner(partners, id);
                } else if (actor == null && name.equals("therapistId")) {
                    actor = "therapist";
                }
                if (value instanceof Enum<?> choice) {
                    details.put(name, choice.name());
                } else if (value instanceof Number || value instanceof Boolean) {
                    details.put(name, value);
                } else if (name.equals("step") && value instanceof String step) {
                    details.put(name, step);
                } else if (value instanceof List<?> list && !name.equals("partnerIds")) {
                    details.put(name + "Count", list.size());
                }
            }
        }
        return new Frame(at, payload.getClass().getSimpleName(), actor, details);
    }

    /**
     * How long to wait between two frames: the time between their events, a silence no longer than
     * the longest pause, divided by the speed.
     */
    static long delayNanos(Frame previous, Frame next, double speed, Duration longestPause) {
        Duration gap = Duration.between(previous.at(), next.at());
        if (gap.isNegative()) {
            gap = Duration.ZERO;
        }
        if (gap.compareTo(longestPause) > 0) {
            gap = longestPause;
        }
        return (long) (gap.toNanos() / speed);
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException unreadable) {
            return null;
        }
    }
}
