package app.duet.command.session;

import app.duet.api.session.AnswerBid;
import app.duet.api.session.BidAnswered;
import app.duet.api.session.BidMade;
import app.duet.api.session.MakeBid;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static app.duet.command.RuleViolation.require;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** Bids for connection made during the session: each goes to the other partner, who answers it once. */
class SessionBids {

    private final SessionFacts session;
    private final Presence presence;
    /** Who each bid was made to. */
    private final Map<String, String> recipients = new HashMap<>();
    private final Set<String> answered = new HashSet<>();

    SessionBids(SessionFacts session, Presence presence) {
        this.session = session;
        this.presence = presence;
    }

    @CommandHandler
    public void handle(MakeBid command) {
        presence.requireActive(command.partnerId());
        require(!recipients.containsKey(command.bidId()), "duplicate-bid", "That bid was already made.");
        apply(new BidMade(session.sessionId(), command.bidId(), command.partnerId(),
                session.otherPartner(command.partnerId()), command.words()));
    }

    @CommandHandler
    public void handle(AnswerBid command) {
        presence.requireActive(command.partnerId());
        String recipient = recipients.get(command.bidId());
        require(recipient != null, "unknown-bid", "There is no such bid in this session.");
        require(recipient.equals(command.partnerId()), "own-bid", "Only the partner a bid was made to can answer it.");
        require(!answered.contains(command.bidId()), "bid-already-answered", "This bid was already answered.");
        apply(new BidAnswered(session.sessionId(), command.bidId(), command.partnerId(), command.response()));
    }

    @EventSourcingHandler
    void on(BidMade event) {
        recipients.put(event.bidId(), event.toPartnerId());
    }

    @EventSourcingHandler
    void on(BidAnswered event) {
        answered.add(event.bidId());
    }
}
