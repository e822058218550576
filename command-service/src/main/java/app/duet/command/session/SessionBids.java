package app.duet.command.session;

import app.duet.api.session.AnswerBid;
import app.duet.api.session.BidAnswered;
import app.duet.api.session.BidMade;
import app.duet.api.session.MakeBid;
import org.axonframework.commandhandling.CommandHandler;

import app.duet.command.everyday.Bids;
import app.duet.command.ledger.ItemLedger;
import app.duet.command.ledger.ItemLedger.Kind;
import java.io.Serializable;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** Bids for connection made during the session: each goes to the other partner, who answers it once (the rules of {@link Bids}). */
public class SessionBids implements Serializable {

    private final SessionFacts session;
    private final Presence presence;

    public SessionBids(SessionFacts session, Presence presence) {
        this.session = session;
        this.presence = presence;
    }

    @CommandHandler
    public void handle(MakeBid command, ItemLedger ledger) {
        presence.requireActive(command.partnerId());
        Bids.requireNew(ledger.find(session.sessionId(), Kind.SESSION_BID, command.bidId()));
        apply(new BidMade(session.sessionId(), command.bidId(), command.partnerId(),
                session.otherPartner(command.partnerId()), command.words()));
    }

    @CommandHandler
    public void handle(AnswerBid command, ItemLedger ledger) {
        presence.requireActive(command.partnerId());
        Bids.requireAnswerable(ledger.find(session.sessionId(), Kind.SESSION_BID, command.bidId()), command.partnerId(),
                command.response());
        apply(new BidAnswered(session.sessionId(), command.bidId(), command.partnerId(), command.response()));
    }
}
