package app.duet.command.exercise;

import app.duet.api.exercise.Act;
import app.duet.api.exercise.BlamerSoftened;
import app.duet.api.exercise.ChangeEvent;
import app.duet.api.exercise.ChangeEventConfirmed;
import app.duet.api.exercise.ConfirmChangeEvent;
import app.duet.api.exercise.ReengageAsWithdrawer;
import app.duet.api.exercise.SoftenAsBlamer;
import app.duet.api.exercise.WithdrawerReengaged;
import app.duet.command.session.ObservingTherapists;
import app.duet.command.session.Presence;
import app.duet.command.session.SessionFacts;
import app.duet.command.session.Words;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.io.Serializable;

import static app.duet.command.RuleViolation.require;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The turning points: a blamer's softening and a withdrawer's re-engagement, seen by both partners as
 * they are voiced, and confirmed as change events by the observing therapist.
 */
public class TurningPoints implements Serializable {

    private final SessionFacts session;
    private final Presence presence;
    /** Softenings and re-engagements by move id, who voiced each, and which a therapist confirmed. */
    private final Map<String, ChangeEvent> moves = new HashMap<>();
    private final Map<String, String> authors = new HashMap<>();
    private final Set<String> confirmed = new HashSet<>();

    public TurningPoints(SessionFacts session, Presence presence) {
        this.session = session;
        this.presence = presence;
    }

    @CommandHandler
    public void handle(SoftenAsBlamer command) {
        requireNewMove(command.partnerId(), Act.SOFTENING, command.moveId(), command.words());
        apply(new BlamerSoftened(session.sessionId(), command.moveId(), command.partnerId(), command.words()));
    }

    @CommandHandler
    public void handle(ReengageAsWithdrawer command) {
        requireNewMove(command.partnerId(), Act.REENGAGEMENT, command.moveId(), command.words());
        apply(new WithdrawerReengaged(session.sessionId(), command.moveId(), command.partnerId(), command.words()));
    }

    @CommandHandler
    public void handle(ConfirmChangeEvent command, ObservingTherapists consents) {
        presence.requireRunning();
        require(presence.isObserving(command.therapistId(), consents), "not-observing",
                "Only the therapist observing this session confirms a change event.");
        ChangeEvent change = moves.get(command.moveId());
        require(change != null, "unknown-move", "There is no such softening or re-engagement in this session.");
        require(!confirmed.contains(command.moveId()), "already-confirmed", "This move is already confirmed.");
        apply(new ChangeEventConfirmed(session.sessionId(), command.moveId(), authors.get(command.moveId()), change,
                command.therapistId()));
    }

    private void requireNewMove(String partnerId, Act act, String moveId, String words) {
        presence.requireAct(partnerId, act);
        require(Words.given(words), "words-required", "Put it into words first.");
        require(!moves.containsKey(moveId), "duplicate-move", "That was already said.");
    }

    @EventSourcingHandler
    void on(BlamerSoftened event) {
        moves.put(event.moveId(), ChangeEvent.BLAMER_SOFTENING);
        authors.put(event.moveId(), event.partnerId());
    }

    @EventSourcingHandler
    void on(WithdrawerReengaged event) {
        moves.put(event.moveId(), ChangeEvent.WITHDRAWER_REENGAGEMENT);
        authors.put(event.moveId(), event.partnerId());
    }

    @EventSourcingHandler
    void on(ChangeEventConfirmed event) {
        confirmed.add(event.moveId());
    }
}
