package app.duet.command.everyday;

import app.duet.api.everyday.AnswerEverydayBid;
import app.duet.api.everyday.AppreciationExpressed;
import app.duet.api.everyday.CheckInLean;
import app.duet.api.everyday.EverydayBidAnswered;
import app.duet.api.everyday.EverydayBidMade;
import app.duet.api.everyday.ExpressAppreciation;
import app.duet.api.everyday.MakeEverydayBid;
import app.duet.api.everyday.LeanCheckedIn;
import app.duet.command.pairing.Pairing;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.util.HashSet;
import java.util.Set;
import java.io.Serializable;

import static app.duet.command.RuleViolation.require;
import static app.duet.command.RuleViolation.requireWords;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** Life between sessions: bids for connection, lean check-ins and appreciations. */
public class Everyday implements Serializable {

    private final String coupleId;
    private final Pairing pairing;
    private final Bids bids = new Bids();
    private final Set<String> checkIns = new HashSet<>();
    private final Set<String> appreciations = new HashSet<>();

    public Everyday(String coupleId, Pairing pairing) {
        this.coupleId = coupleId;
        this.pairing = pairing;
    }

    @CommandHandler
    public void handle(MakeEverydayBid command) {
        pairing.requirePaired(command.partnerId());
        bids.requireNew(command.bidId());
        apply(new EverydayBidMade(coupleId, command.bidId(), command.partnerId(),
                pairing.otherPartner(command.partnerId()), command.words()));
    }

    @CommandHandler
    public void handle(AnswerEverydayBid command) {
        pairing.requirePaired(command.partnerId());
        bids.requireAnswerable(command.bidId(), command.partnerId(), command.response());
        apply(new EverydayBidAnswered(coupleId, command.bidId(), command.partnerId(), command.response()));
    }

    /** A check-in between sessions belongs to no session and no step. */
    @CommandHandler
    public void handle(CheckInLean command) {
        pairing.requirePartner(command.partnerId());
        require(!checkIns.contains(command.checkInId()), "duplicate-check-in", "That check-in was already made.");
        LeanCheckIn.requireComplete(command.lean(), command.energy());
        apply(new LeanCheckedIn(coupleId, command.checkInId(), command.partnerId(), command.lean(), command.energy()));
    }

    @CommandHandler
    public void handle(ExpressAppreciation command) {
        pairing.requirePaired(command.partnerId());
        require(!appreciations.contains(command.appreciationId()), "duplicate-appreciation", "That was already said.");
        requireWords(command.words(), "Say what you appreciate.");
        apply(new AppreciationExpressed(coupleId, command.appreciationId(), command.partnerId(),
                pairing.otherPartner(command.partnerId()), command.words()));
    }

    @EventSourcingHandler
    void on(EverydayBidMade event) {
        bids.made(event.bidId(), event.toPartnerId());
    }

    @EventSourcingHandler
    void on(EverydayBidAnswered event) {
        bids.answered(event.bidId());
    }

    @EventSourcingHandler
    void on(LeanCheckedIn event) {
        checkIns.add(event.checkInId());
    }

    @EventSourcingHandler
    void on(AppreciationExpressed event) {
        appreciations.add(event.appreciationId());
    }
}
