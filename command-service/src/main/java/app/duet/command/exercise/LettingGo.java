package app.duet.command.exercise;

import app.duet.api.exercise.Act;
import app.duet.api.exercise.ReleaseResentment;
import app.duet.api.exercise.LetGoProposed;
import app.duet.api.exercise.ProposeLetGo;
import app.duet.api.exercise.ResentmentReleased;
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

/** Pacts to let an old resentment go: one partner proposes, the other agrees, and it is released. */
public class LettingGo implements Serializable {

    private final SessionFacts session;
    private final Presence presence;
    /** Who proposed each pact, by pact id, and which pacts were agreed. */
    private final Map<String, String> proposers = new HashMap<>();
    private final Set<String> released = new HashSet<>();

    public LettingGo(SessionFacts session, Presence presence) {
        this.session = session;
        this.presence = presence;
    }

    @CommandHandler
    public void handle(ProposeLetGo command) {
        presence.requireAct(command.partnerId(), Act.LET_GO);
        require(Words.given(command.words()), "words-required", "Put it into words first.");
        require(!proposers.containsKey(command.pactId()), "duplicate-pact", "That pact was already proposed.");
        apply(new LetGoProposed(session.sessionId(), command.pactId(), command.partnerId(), command.words()));
    }

    @CommandHandler
    public void handle(ReleaseResentment command) {
        presence.requireAct(command.partnerId(), Act.LET_GO);
        String proposer = proposers.get(command.pactId());
        require(proposer != null, "unknown-pact", "There is no such pact in this session.");
        require(!proposer.equals(command.partnerId()), "own-pact", "The other partner agrees to a pact you proposed.");
        require(!released.contains(command.pactId()), "already-released", "This resentment is already let go.");
        apply(new ResentmentReleased(session.sessionId(), command.pactId(), proposer, command.partnerId()));
    }

    @EventSourcingHandler
    void on(LetGoProposed event) {
        proposers.put(event.pactId(), event.proposedBy());
    }

    @EventSourcingHandler
    void on(ResentmentReleased event) {
        released.add(event.pactId());
    }
}
