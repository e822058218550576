package app.duet.command.couple;

import app.duet.api.pairing.CoupleCreated;
import app.duet.command.pairing.NewCouples;
import org.axonframework.modelling.command.Repository;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** Begins a couple's stream through the couples' repository, as a new aggregate with its first event. */
@Component
public class CouplesInTheEventStore implements NewCouples {

    private final Repository<Couple> couples;

    public CouplesInTheEventStore(@Lazy Repository<Couple> couples) {
        this.couples = couples;
    }

    @Override
    public void begin(CoupleCreated created) throws Exception {
        couples.newInstance(() -> new Couple(created));
    }
}
