package app.duet.command.session;

import app.duet.api.session.AnswerBid;
import app.duet.api.session.BidAnswered;
import app.duet.api.session.BidMade;
import app.duet.api.session.BidMissed;
import app.duet.api.session.MakeBid;
import app.duet.command.everyday.BidWindow;
import app.duet.command.everyday.BidWindows;
import app.duet.command.everyday.Bids;
import app.duet.command.ledger.ItemLedger;
import app.duet.command.ledger.ItemLedger.Kind;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;

import java.io.Serializable;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Bids for connection made during the session: each goes to the other partner, who answers it once
 * (the rules of {@link Bids}). A bid still open when the session ends is missed then
 * ({@link #missOpenBids}, which {@link Presence} calls), or earlier where an in-session window is set ({@link BidWindows}).
 */
public class SessionBids implements Serializable {

    private final SessionFacts session;
    private final Presence presence;

    public SessionBids(SessionFacts session, Presence presence) {
        this.session = session;
        this.presence = presence;
    }

    @CommandHandler
    public void handle(MakeBid command, ItemLedger ledger, BidWindows windows, DeadlineManager deadlines) {
        presence.requireActive(command.partnerId());
        Bids.requireNew(ledger.find(session.sessionId(), Kind.SESSION_BID, command.bidId()));
        apply(new BidMade(session.sessionId(), command.bidId(), command.partnerId(),
                session.otherPartner(command.partnerId()), command.words()));
        windows.inSessionWindow().ifPresent(window ->
                deadlines.schedule(window, BidWindow.IN_SESSION, new BidWindow(session.sessionId(), command.bidId())));
    }

    @CommandHandler
    public void handle(AnswerBid command, ItemLedger ledger) {
        presence.requireActive(command.partnerId());
        Bids.requireAnswerable(ledger.find(session.sessionId(), Kind.SESSION_BID, command.bidId()), command.partnerId(),
                command.response());
        apply(new BidAnswered(session.sessionId(), command.bidId(), command.partnerId(), command.response()));
    }

    /** An in-session window has closed: the bid is missed if still open (the session's end closes every bid). */
    @DeadlineHandler(deadlineName = BidWindow.IN_SESSION)
    public void on(BidWindow window, ItemLedger ledger) {
        ledger.find(session.sessionId(), Kind.SESSION_BID, window.bidId()).filter(bid -> !bid.closed())
                .ifPresent(bid -> miss(session, bid));
    }

    /** However the session ends, each bid still open is missed first, so the end closes every bid. */
    static void missOpenBids(SessionFacts session, ItemLedger ledger) {
        ledger.open(session.sessionId(), Kind.SESSION_BID).forEach(bid -> miss(session, bid));
    }

    private static void miss(SessionFacts session, ItemLedger.Item bid) {
        apply(new BidMissed(session.sessionId(), bid.itemId(), session.otherPartner(bid.addressedTo()), bid.addressedTo()));
    }
}
