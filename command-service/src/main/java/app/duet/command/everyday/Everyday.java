package app.duet.command.everyday;

import app.duet.api.everyday.AnswerEverydayBid;
import app.duet.api.everyday.AppreciationExpressed;
import app.duet.api.everyday.CheckInLean;
import app.duet.api.everyday.EverydayBidAnswered;
import app.duet.api.everyday.EverydayBidMade;
import app.duet.api.everyday.EverydayBidMissed;
import app.duet.api.everyday.ExpressAppreciation;
import app.duet.api.everyday.MakeEverydayBid;
import app.duet.api.everyday.LeanCheckedIn;
import app.duet.command.ledger.ItemLedger;
import app.duet.command.ledger.ItemLedger.Kind;
import app.duet.command.pairing.Pairing;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;

import java.io.Serializable;

import static app.duet.command.RuleViolation.require;
import static app.duet.command.RuleViolation.requireWords;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Life between sessions: bids for connection, lean check-ins and appreciations; which ids were used is
 * the {@link ItemLedger}'s to know. A bid left unanswered for its window ({@link BidWindows}) is missed.
 */
public class Everyday implements Serializable {

    private final String coupleId;
    private final Pairing pairing;

    public Everyday(String coupleId, Pairing pairing) {
        this.coupleId = coupleId;
        this.pairing = pairing;
    }

    @CommandHandler
    public void handle(MakeEverydayBid command, ItemLedger ledger, BidWindows windows, DeadlineManager deadlines) {
        pairing.requirePaired(command.partnerId());
        Bids.requireNew(ledger.find(coupleId, Kind.EVERYDAY_BID, command.bidId()));
        apply(new EverydayBidMade(coupleId, command.bidId(), command.partnerId(),
                pairing.otherPartner(command.partnerId()), command.words()));
        // Written in this command's transaction: the window exists exactly when the bid does.
        deadlines.schedule(windows.betweenSessions(), BidWindow.BETWEEN_SESSIONS, new BidWindow(coupleId, command.bidId()));
    }

    /** The window has closed: a bid still open is missed. Fired again (a retry), it finds the bid closed and does nothing. */
    @DeadlineHandler(deadlineName = BidWindow.BETWEEN_SESSIONS)
    public void on(BidWindow window, ItemLedger ledger) {
        ledger.find(coupleId, Kind.EVERYDAY_BID, window.bidId()).filter(bid -> !bid.closed())
                .ifPresent(bid -> apply(new EverydayBidMissed(coupleId, bid.itemId(), pairing.otherPartner(bid.addressedTo()),
                        bid.addressedTo())));
    }

    @CommandHandler
    public void handle(AnswerEverydayBid command, ItemLedger ledger) {
        pairing.requirePaired(command.partnerId());
        Bids.requireAnswerable(ledger.find(coupleId, Kind.EVERYDAY_BID, command.bidId()), command.partnerId(), command.response());
        apply(new EverydayBidAnswered(coupleId, command.bidId(), command.partnerId(), command.response()));
    }

    /** A check-in between sessions belongs to no session and no step. */
    @CommandHandler
    public void handle(CheckInLean command, ItemLedger ledger) {
        pairing.requirePartner(command.partnerId());
        require(!ledger.has(coupleId, Kind.CHECK_IN, command.checkInId()), "duplicate-check-in", "That check-in was already made.");
        LeanCheckIn.requireComplete(command.lean(), command.energy());
        apply(new LeanCheckedIn(coupleId, command.checkInId(), command.partnerId(), command.lean(), command.energy()));
    }

    @CommandHandler
    public void handle(ExpressAppreciation command, ItemLedger ledger) {
        pairing.requirePaired(command.partnerId());
        require(!ledger.has(coupleId, Kind.APPRECIATION, command.appreciationId()), "duplicate-appreciation", "That was already said.");
        requireWords(command.words(), "Say what you appreciate.");
        apply(new AppreciationExpressed(coupleId, command.appreciationId(), command.partnerId(),
                pairing.otherPartner(command.partnerId()), command.words()));
    }
}
