package app.duet.command.session;

import app.duet.api.session.SessionStarted;
import app.duet.api.session.StartSession;
import app.duet.command.pairing.Pairing;
import org.axonframework.commandhandling.CommandHandler;

import java.io.Serializable;

import static app.duet.command.RuleViolation.require;

/** The couple's side of its joint sessions: either partner starts one, for both, once both are paired. */
public class CoupleSessions implements Serializable {

    /**
     * Opens the joint session itself with the event this package makes. The couple's root passes it
     * in: the session's root is made of this package's members, so this package cannot name it
     * without a cycle.
     */
    @FunctionalInterface
    public interface Starter extends Serializable {
        void start(SessionStarted started) throws Exception;
    }

    private final String coupleId;
    private final Pairing pairing;
    private final Starter sessions;

    public CoupleSessions(String coupleId, Pairing pairing, Starter sessions) {
        this.coupleId = coupleId;
        this.pairing = pairing;
        this.sessions = sessions;
    }

    @CommandHandler
    public void handle(StartSession command) throws Exception {
        pairing.requirePartner(command.partnerId());
        require(pairing.isComplete(), "couple-incomplete", "A joint session needs both partners: share the invitation code first.");
        sessions.start(new SessionStarted(command.sessionId(), coupleId, command.exercise(), pairing.partnerIds(),
                command.partnerId()));
    }
}
