package app.duet.command.session;

import app.duet.api.session.Exercise;
import app.duet.api.session.StartSession;
import app.duet.command.pairing.Pairing;
import org.axonframework.commandhandling.CommandHandler;

import java.util.List;
import java.io.Serializable;

import static app.duet.command.RuleViolation.require;

/** The couple's side of its joint sessions: either partner starts one, for both, once both are paired. */
public class CoupleSessions implements Serializable {

    /**
     * Opens the joint session itself. The couple's root passes it in: the session's root is made of
     * this package's members, so this package cannot name it without a cycle.
     */
    @FunctionalInterface
    public interface Starter extends Serializable {
        void start(String sessionId, String coupleId, Exercise exercise, List<String> partnerIds, String startedBy)
                throws Exception;
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
        sessions.start(command.sessionId(), coupleId, command.exercise(), pairing.partnerIds(), command.partnerId());
    }
}
