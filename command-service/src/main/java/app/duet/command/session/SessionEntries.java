package app.duet.command.session;

import app.duet.api.exercise.EntryKind;
import app.duet.api.exercise.ExerciseStep;
import app.duet.api.exercise.Sharing;
import app.duet.api.session.AnswersRevealed.RevealedEntry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.io.Serializable;

import static app.duet.command.RuleViolation.require;

/**
 * Who sees which entry, by the exercise's steps: each entry's step and kind, whether it has reached
 * the partner, whose answers are ready at a step revealed together, and which steps were revealed. Shared by the members
 * that write, share and reveal entries; each records its own events here. Entry ids are chosen by the
 * author's screen, so entries are keyed by author and id: one partner can neither reach nor detect
 * the other's entries by guessing. Never the words themselves: those are only in the (encrypted) events.
 */
public final class SessionEntries implements Serializable {

    private record Entry(String step, EntryKind kind, boolean visible) implements Serializable {
    }

    private final SessionFacts session;
    private final Map<String, Entry> entries = new HashMap<>();
    /** Partners whose answers are ready, by step revealed together. */
    private final Map<String, Set<String>> ready = new HashMap<>();
    private final Set<String> revealed = new HashSet<>();

    public SessionEntries(SessionFacts session) {
        this.session = session;
    }

    /** Checks that the author may write this entry of this kind at this step now, as new or rewritten. */
    public ExerciseStep requireWritable(String authorId, String entryId, String stepKey, EntryKind kind) {
        ExerciseStep step = session.requireStep(stepKey);
        require(step.accepts(kind), "wrong-step", "This step does not take that kind of answer.");
        Entry entry = entries.get(key(authorId, entryId));
        if (entry != null) {
            require(entry.step().equals(step.key()) && entry.kind() == kind, "entry-mismatch",
                    "That entry id is already used for something else: choose a new one.");
            require(!entry.visible(), "entry-shared", "A shared entry is final.");
        }
        require(!revealed.contains(step.key()), "step-revealed", "This step has been revealed; its answers are final.");
        require(!readyAt(step.key()).contains(authorId), "answers-ready",
                "You marked your answers here ready: take them back to change them, before the countdown starts.");
        return step;
    }

    /** Checks that the author may share this entry on its own, as its step says. */
    void requireShareable(String authorId, String entryId) {
        Entry entry = entries.get(key(authorId, entryId));
        require(entry != null, "unknown-entry", "You have no such entry in this session.");
        require(!entry.visible(), "entry-shared", "This entry is already shared.");
        Sharing sharing = session.requireStep(entry.step()).sharing();
        require(sharing != Sharing.OWN, "entry-stays-own", "This step is yours alone: its entries are never shared.");
        require(sharing != Sharing.REVEALED, "revealed-together",
                "Answers at this step are revealed to both of you at once: mark them ready instead.");
    }

    /** Whether the author has an entry of this kind that the partner can see. */
    public boolean isVisible(String authorId, String entryId, EntryKind kind) {
        Entry entry = entries.get(key(authorId, entryId));
        return entry != null && entry.kind() == kind && entry.visible();
    }

    void requireRevealedStep(String step) {
        boolean revealedTogether = session.exercise().step(step)
                .map(s -> s.sharing() == Sharing.REVEALED).orElse(false);
        require(revealedTogether, "not-a-reveal-step",
                "Only the answers of a step revealed together are marked ready, and taken back.");
    }

    void requireReadyable(String authorId, String step) {
        require(!revealed.contains(step), "step-revealed", "This step has already been revealed.");
        require(!readyAt(step).contains(authorId), "already-ready", "You already marked your answers here ready.");
        require(entries.entrySet().stream().anyMatch(e -> e.getKey().startsWith(authorId + "/")
                && e.getValue().step().equals(step)), "no-answer-yet", "Write an answer at this step first.");
    }

    void requireTakeBack(String authorId, String step, RevealCountdowns countdowns) {
        require(!revealed.contains(step), "step-revealed", "This step has already been revealed; its answers are final.");
        require(readyAt(step).contains(authorId), "not-ready", "Your answers here are not marked ready.");
        require(!countdowns.isRunning(step), "countdown-running",
                "You are both ready and the countdown has started: the answers open in a moment.");
    }

    boolean allReady(String step) {
        return readyAt(step).containsAll(session.partnerIds());
    }

    /** The answers a reveal of this step lets out, in a stable order. */
    List<RevealedEntry> answersAt(String step) {
        List<RevealedEntry> answers = new ArrayList<>();
        entries.forEach((key, entry) -> {
            if (entry.step().equals(step) && !entry.visible()) {
                int slash = key.indexOf('/');
                answers.add(new RevealedEntry(key.substring(0, slash), key.substring(slash + 1)));
            }
        });
        answers.sort(Comparator.comparing(RevealedEntry::authorId).thenComparing(RevealedEntry::entryId));
        return answers;
    }

    public void written(String authorId, String entryId, String step, EntryKind kind) {
        entries.put(key(authorId, entryId), new Entry(step, kind, false));
    }

    void shared(String authorId, String entryId) {
        entries.computeIfPresent(key(authorId, entryId), (k, entry) -> new Entry(entry.step(), entry.kind(), true));
    }

    void markedReady(String authorId, String step) {
        ready.computeIfAbsent(step, s -> new HashSet<>()).add(authorId);
    }

    void takenBack(String authorId, String step) {
        ready.getOrDefault(step, new HashSet<>()).remove(authorId);
    }

    void revealed(String step, List<RevealedEntry> answers) {
        revealed.add(step);
        answers.forEach(answer -> shared(answer.authorId(), answer.entryId()));
    }

    private Set<String> readyAt(String step) {
        return ready.getOrDefault(step, Set.of());
    }

    private static String key(String authorId, String entryId) {
        return authorId + "/" + entryId;
    }
}
