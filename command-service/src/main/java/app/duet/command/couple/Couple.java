package app.duet.command.couple;

import app.duet.api.couple.CoupleCreated;
import app.duet.api.couple.CreateCouple;
import app.duet.api.couple.JoinCouple;
import app.duet.api.couple.PartnerJoinedCouple;
import app.duet.api.couple.StartSession;
import app.duet.command.session.JointSession;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.ArrayList;
import java.util.List;

import static app.duet.command.RuleViolation.require;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.createNew;

/** Two partners paired by an invitation code; the only place a joint session can start from. */
@Aggregate
public class Couple {

    @AggregateIdentifier
    private String coupleId;
    private final List<String> partnerIds = new ArrayList<>();
    private String invitationCode;

    protected Couple() {
        // Axon rebuilds the couple from its events.
    }

    @CommandHandler
    public Couple(CreateCouple command) {
        apply(new CoupleCreated(command.coupleId(), command.partnerId(), command.displayName(),
                command.invitationCode()));
    }

    @CommandHandler
    public void handle(JoinCouple command) {
        require(!partnerIds.contains(command.partnerId()), "already-in-couple",
                "You are already a partner in this couple.");
        require(partnerIds.size() < 2, "couple-complete",
                "This couple already has two partners; the invitation code has been used.");
        require(invitationCode.equals(command.invitationCode()), "wrong-invitation-code",
                "That invitation code does not belong to this couple.");
        apply(new PartnerJoinedCouple(coupleId, command.partnerId(), command.displayName()));
    }

    @CommandHandler
    public void handle(StartSession command) throws Exception {
        require(partnerIds.contains(command.partnerId()), "not-a-partner",
                "Only a partner of this couple can start its sessions.");
        require(partnerIds.size() == 2, "couple-incomplete",
                "A joint session needs both partners: share the invitation code first.");
        List<String> partners = List.copyOf(partnerIds);
        createNew(JointSession.class, () -> new JointSession(command.sessionId(), coupleId,
                command.exercise(), partners, command.partnerId()));
    }

    @EventSourcingHandler
    void on(CoupleCreated event) {
        coupleId = event.coupleId();
        invitationCode = event.invitationCode();
        partnerIds.add(event.partnerId());
    }

    @EventSourcingHandler
    void on(PartnerJoinedCouple event) {
        partnerIds.add(event.partnerId());
    }
}
