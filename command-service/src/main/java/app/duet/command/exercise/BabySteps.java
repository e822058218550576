package app.duet.command.exercise;

import app.duet.api.exercise.Act;
import app.duet.api.exercise.BabyStepChosen;
import app.duet.api.exercise.BabyStepCommitted;
import app.duet.api.exercise.ChooseBabyStep;
import app.duet.api.exercise.CommitToBabyStep;
import app.duet.api.exercise.EntryKind;
import app.duet.api.exercise.BabyStepFollowedUp;
import app.duet.api.exercise.FollowUpBabyStep;
import app.duet.api.exercise.OfferSmallerStep;
import app.duet.api.exercise.SmallerStepOffered;
import app.duet.command.session.Presence;
import app.duet.command.session.SessionEntries;
import app.duet.command.session.SessionFacts;
import app.duet.command.session.Words;
import app.duet.command.ledger.ItemLedger;
import app.duet.command.ledger.ItemLedger.Kind;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.io.Serializable;

import static app.duet.command.RuleViolation.require;
import static app.duet.command.RuleViolation.requireField;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Baby steps: each partner takes up behaviours from the other's revealed list, as they stand or
 * answered with a smaller step, and commits to them; afterwards, however long after, the partner who
 * committed says each time whether the step happened. Behaviours are keyed by who listed them and the
 * entry id, as entries are.
 */
public class BabySteps implements Serializable {

    private final SessionFacts session;
    private final Presence presence;
    private final SessionEntries entries;
    /** By behaviour: the partner who chose it as it stands. */
    private final Map<String, String> chosenBy = new HashMap<>();
    /** By behaviour: the partner who offered a smaller step for it instead. */
    private final Map<String, String> smallerStepBy = new HashMap<>();
    private final Set<String> committed = new HashSet<>();

    public BabySteps(SessionFacts session, Presence presence, SessionEntries entries) {
        this.session = session;
        this.presence = presence;
        this.entries = entries;
    }

    @CommandHandler
    public void handle(ChooseBabyStep command) {
        String listedBy = requireBehaviourOfPartner(command.partnerId(), command.behaviourEntryId());
        requireOpen(key(listedBy, command.behaviourEntryId()));
        apply(new BabyStepChosen(session.sessionId(), command.behaviourEntryId(), listedBy, command.partnerId()));
    }

    @CommandHandler
    public void handle(OfferSmallerStep command) {
        String listedBy = requireBehaviourOfPartner(command.partnerId(), command.behaviourEntryId());
        require(Words.given(command.words()), "words-required", "Say what smaller step you are willing to take.");
        requireOpen(key(listedBy, command.behaviourEntryId()));
        apply(new SmallerStepOffered(session.sessionId(), command.behaviourEntryId(), listedBy, command.partnerId(),
                command.words()));
    }

    @CommandHandler
    public void handle(CommitToBabyStep command) {
        String listedBy = requireBehaviourOfPartner(command.partnerId(), command.behaviourEntryId());
        String behaviour = key(listedBy, command.behaviourEntryId());
        boolean chose = command.partnerId().equals(chosenBy.get(behaviour));
        boolean offeredSmaller = command.partnerId().equals(smallerStepBy.get(behaviour));
        require(chose || offeredSmaller, "not-chosen",
                "Choose this step, or offer a smaller one for it, before committing to it.");
        require(!committed.contains(behaviour), "already-committed", "You already committed to this step.");
        apply(new BabyStepCommitted(session.sessionId(), command.behaviourEntryId(), listedBy, command.partnerId(),
                offeredSmaller));
    }

    /**
     * Between sessions, and after this one ended, so neither presence nor a running session is asked
     * for. Follow-ups are as many as the partner likes: their ids are kept in the ledger, not here.
     */
    @CommandHandler
    public void handle(FollowUpBabyStep command, ItemLedger ledger) {
        require(session.isPartner(command.partnerId()), "not-a-partner", "Only the couple's two partners take part.");
        String entryId = command.behaviourEntryId();
        boolean theirs = committed.contains(key(session.otherPartner(command.partnerId()), entryId));
        boolean partnersStep = committed.contains(key(command.partnerId(), entryId));
        requireField(theirs || partnersStep, "unknown-baby-step", "behaviourEntryId",
                "Nobody committed to that step in this session.");
        requireField(theirs, "not-your-step", "behaviourEntryId",
                "Only the partner who committed to a step says how it went.");
        requireField(command.done() != null, "done-required", "done", "Say whether the step happened this time.");
        requireField(command.followUpId() != null && !command.followUpId().isBlank(), "follow-up-id-required", "followUpId",
                "A follow-up needs an id of its own.");
        requireField(!ledger.has(session.sessionId(), Kind.BABY_STEP_FOLLOW_UP, command.followUpId()),
                "duplicate-follow-up", "followUpId", "That follow-up was already recorded.");
        apply(new BabyStepFollowedUp(session.sessionId(), command.followUpId(), entryId, command.partnerId(),
                command.done()));
    }

    /** The baby step is on the other partner's revealed list; returns who listed it. */
    private String requireBehaviourOfPartner(String partnerId, String behaviourEntryId) {
        presence.requireAct(partnerId, Act.BABY_STEP);
        String listedBy = session.otherPartner(partnerId);
        require(entries.isVisible(listedBy, behaviourEntryId, EntryKind.BEHAVIOUR), "smaller-step-needs-behaviour",
                "Baby steps answer a behaviour on your partner's list, once the lists are revealed.");
        return listedBy;
    }

    private void requireOpen(String behaviour) {
        require(!chosenBy.containsKey(behaviour), "already-chosen", "This step has already been chosen.");
        require(!smallerStepBy.containsKey(behaviour), "already-answered",
                "This step has already been answered with a smaller one.");
    }

    private static String key(String listedBy, String entryId) {
        return listedBy + "/" + entryId;
    }

    @EventSourcingHandler
    void on(BabyStepChosen event) {
        chosenBy.put(key(event.listedBy(), event.behaviourEntryId()), event.chosenBy());
    }

    @EventSourcingHandler
    void on(SmallerStepOffered event) {
        smallerStepBy.put(key(event.listedBy(), event.behaviourEntryId()), event.offeredBy());
    }

    @EventSourcingHandler
    void on(BabyStepCommitted event) {
        committed.add(key(event.listedBy(), event.behaviourEntryId()));
    }
}
