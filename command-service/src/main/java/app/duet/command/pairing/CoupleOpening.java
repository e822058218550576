package app.duet.command.pairing;

import app.duet.api.pairing.CoupleCreated;
import app.duet.api.pairing.CreateCouple;
import org.axonframework.commandhandling.CommandHandler;
import org.springframework.stereotype.Component;

/**
 * A person opens a couple as its first partner. Axon hands a command that creates an aggregate to a
 * constructor of its root unless a handler outside it creates the aggregate itself; this one does,
 * so the rule and the event stay in pairing, where joining a couple is decided too.
 */
@Component
public class CoupleOpening {

    private final PartnerRegistry partners;
    private final NewCouples couples;

    public CoupleOpening(PartnerRegistry partners, NewCouples couples) {
        this.partners = partners;
        this.couples = couples;
    }

    @CommandHandler
    public String handle(CreateCouple command) throws Exception {
        Pairing.requireInNoCouple(command.partnerId(), partners);
        couples.begin(new CoupleCreated(command.coupleId(), command.partnerId(), command.displayName(),
                command.invitationCode(), command.invitationExpiresAt()));
        return command.coupleId();
    }
}
