package app.duet.command.exercise;

import app.duet.api.exercise.BehaviourListed;
import app.duet.api.exercise.CycleLink;
import app.duet.api.exercise.CycleLinkRecorded;
import app.duet.api.exercise.EntryKind;
import app.duet.api.exercise.ExerciseStep;
import app.duet.api.exercise.LeanRecorded;
import app.duet.api.exercise.ListBehaviour;
import app.duet.api.exercise.NeedKind;
import app.duet.api.exercise.NeedStated;
import app.duet.api.exercise.Reassure;
import app.duet.api.exercise.ReassuranceWritten;
import app.duet.api.exercise.RecordCycleLink;
import app.duet.api.exercise.RecordLean;
import app.duet.api.exercise.StateNeed;
import app.duet.command.RuleViolation;
import app.duet.command.everyday.LeanCheckIn;
import app.duet.command.session.Presence;
import app.duet.command.session.SessionEntries;
import app.duet.command.session.SessionFacts;
import app.duet.command.session.Words;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import java.io.Serializable;

import static app.duet.command.RuleViolation.require;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Entries with more than words, each with its own rules: cycle links, behaviours on a baby-steps
 * list, needs and the reassurances that answer them, and check-ins. Who sees them when is the same
 * as for any entry ({@link SessionEntries}).
 */
public class ShapedEntries implements Serializable {

    private final SessionFacts session;
    private final Presence presence;
    private final SessionEntries entries;

    public ShapedEntries(SessionFacts session, Presence presence, SessionEntries entries) {
        this.session = session;
        this.presence = presence;
        this.entries = entries;
    }

    @CommandHandler
    public void handle(RecordCycleLink command) {
        presence.requireActive(command.partnerId());
        ExerciseStep step = entries.requireWritable(command.partnerId(), command.entryId(), command.step(),
                EntryKind.CYCLE_LINK);
        require(command.link() != null, "link-required", "Say which link of the cycle this is.");
        if (step.link() != null && step.link() != command.link()) {
            throw new RuleViolation("wrong-link",
                    "This step asks for the " + step.link().name().toLowerCase().replace('_', ' ') + ".");
        }
        require(CycleLink.isIntensity(command.intensity()), "intensity-out-of-range",
                "Intensity runs from " + CycleLink.FAINTEST + " (faint) to " + CycleLink.OVERWHELMING
                        + " (overwhelming).");
        require((command.link() == CycleLink.BEHAVIOUR) == (command.move() != null), "move-with-behaviour",
                "A behaviour says what kind of move it was; other links do not.");
        apply(new CycleLinkRecorded(session.sessionId(), command.entryId(), command.partnerId(), command.step(),
                command.link(), command.intensity(), command.move(), command.words()));
    }

    @CommandHandler
    public void handle(ListBehaviour command) {
        presence.requireActive(command.partnerId());
        entries.requireWritable(command.partnerId(), command.entryId(), command.step(), EntryKind.BEHAVIOUR);
        require(ListBehaviour.isSize(command.size()), "size-out-of-range",
                "Size runs from " + ListBehaviour.EASIEST + " (easy) to " + ListBehaviour.BIGGEST + " (a big step).");
        apply(new BehaviourListed(session.sessionId(), command.entryId(), command.partnerId(), command.step(),
                command.words(), command.size()));
    }

    @CommandHandler
    public void handle(StateNeed command) {
        presence.requireActive(command.partnerId());
        entries.requireWritable(command.partnerId(), command.entryId(), command.step(), EntryKind.NEED);
        require(command.need() != NeedKind.SPACE || Words.given(command.reassurance()), "space-needs-reassurance",
                "Asking for space comes with a reassurance: say what stays true while you are apart.");
        apply(new NeedStated(session.sessionId(), command.entryId(), command.partnerId(), command.step(),
                command.need(), command.words(), command.reassurance()));
    }

    @CommandHandler
    public void handle(Reassure command) {
        presence.requireActive(command.partnerId());
        entries.requireWritable(command.partnerId(), command.entryId(), command.step(), EntryKind.REASSURANCE);
        require(entries.isVisible(session.otherPartner(command.partnerId()), command.needEntryId(), EntryKind.NEED),
                "unknown-need", "A reassurance answers a need your partner has let you see.");
        apply(new ReassuranceWritten(session.sessionId(), command.entryId(), command.partnerId(), command.step(),
                command.needEntryId(), command.words()));
    }

    @CommandHandler
    public void handle(RecordLean command) {
        presence.requireActive(command.partnerId());
        entries.requireWritable(command.partnerId(), command.entryId(), command.step(), EntryKind.LEAN);
        LeanCheckIn.requireComplete(command.lean(), command.energy());
        apply(new LeanRecorded(session.sessionId(), session.coupleId(), command.entryId(), command.partnerId(),
                command.step(), command.lean(), command.energy()));
    }

    @EventSourcingHandler
    void on(CycleLinkRecorded event) {
        entries.written(event.authorId(), event.entryId(), event.step(), EntryKind.CYCLE_LINK);
    }

    @EventSourcingHandler
    void on(BehaviourListed event) {
        entries.written(event.authorId(), event.entryId(), event.step(), EntryKind.BEHAVIOUR);
    }

    @EventSourcingHandler
    void on(NeedStated event) {
        entries.written(event.authorId(), event.entryId(), event.step(), EntryKind.NEED);
    }

    @EventSourcingHandler
    void on(ReassuranceWritten event) {
        entries.written(event.authorId(), event.entryId(), event.step(), EntryKind.REASSURANCE);
    }

    @EventSourcingHandler
    void on(LeanRecorded event) {
        entries.written(event.partnerId(), event.entryId(), event.step(), EntryKind.LEAN);
    }
}
