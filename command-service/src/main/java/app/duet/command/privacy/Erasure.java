package app.duet.command.privacy;

import app.duet.api.privacy.CoupleErased;
import app.duet.api.privacy.EraseCouple;
import app.duet.api.privacy.EraseCoupleAgain;
import app.duet.command.pairing.Pairing;
import org.axonframework.commandhandling.CommandHandler;
import java.io.Serializable;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Either partner erases the couple. What follows comes from the event: the couple's key is destroyed
 * ({@link KeyOwnership}), so every word of the couple and its sessions becomes unreadable, and the
 * couple and its sessions take no more commands ({@link ErasedCouples}).
 */
public class Erasure implements Serializable {

    private final String coupleId;
    private final Pairing pairing;

    public Erasure(String coupleId, Pairing pairing) {
        this.coupleId = coupleId;
        this.pairing = pairing;
    }

    @CommandHandler
    public void handle(EraseCouple command) {
        pairing.requirePartner(command.partnerId());
        apply(new CoupleErased(coupleId, command.partnerId()));
    }

    /** After a restore from before the erasure: by nobody, since it was asked for long ago. */
    @CommandHandler
    public void handle(EraseCoupleAgain command) {
        apply(new CoupleErased(coupleId, null));
    }
}
