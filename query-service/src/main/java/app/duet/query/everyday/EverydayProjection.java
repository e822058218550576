package app.duet.query.everyday;

import app.duet.api.everyday.AppreciationExpressed;
import app.duet.api.everyday.AppreciationView;
import app.duet.api.everyday.EverydayBidAnswered;
import app.duet.api.everyday.EverydayBidMade;
import app.duet.api.everyday.EverydayBidMissed;
import app.duet.api.everyday.LeanView;
import app.duet.api.everyday.LeanCheckedIn;
import app.duet.api.session.BidView;
import app.duet.query.live.LiveViews;
import app.duet.query.pairing.CoupleOverviews;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** The couple overview's life between sessions: bids and their answers (or that they were missed), lean check-ins, appreciations. */
@Component
@ProcessingGroup(LiveViews.PROCESSING_GROUP)
public class EverydayProjection {

    private final CoupleOverviews overviews;

    public EverydayProjection(CoupleOverviews overviews) {
        this.overviews = overviews;
    }

    @EventHandler
    public void on(EverydayBidMade event, @SequenceNumber long sequence, @Timestamp Instant at, ReplayStatus replay) {
        overviews.update(event.coupleId(), sequence, replay, c -> c.addEverydayBid(BidView.made(event.bidId(),
                event.fromPartnerId(), event.toPartnerId(), event.words(), at)));
    }

    @EventHandler
    public void on(EverydayBidAnswered event, @SequenceNumber long sequence, @Timestamp Instant at,
                   ReplayStatus replay) {
        overviews.update(event.coupleId(), sequence, replay, c -> c.updateEverydayBid(event.bidId(),
                bid -> bid.answered(event.response(), at)));
    }

    @EventHandler
    public void on(EverydayBidMissed event, @SequenceNumber long sequence, @Timestamp Instant at, ReplayStatus replay) {
        overviews.update(event.coupleId(), sequence, replay, c -> c.updateEverydayBid(event.bidId(), bid -> bid.missed(at)));
    }

    /** A check-in between sessions; those in a session are its entries ({@code LeanRecorded}), private until revealed there. */
    @EventHandler
    public void on(LeanCheckedIn event, @SequenceNumber long sequence, @Timestamp Instant at, ReplayStatus replay) {
        overviews.update(event.coupleId(), sequence, replay, c -> c.addCheckIn(new LeanView(event.checkInId(),
                event.partnerId(), event.lean(), event.energy(), at)));
    }

    @EventHandler
    public void on(AppreciationExpressed event, @SequenceNumber long sequence, @Timestamp Instant at,
                   ReplayStatus replay) {
        overviews.update(event.coupleId(), sequence, replay, c -> c.addAppreciation(new AppreciationView(
                event.appreciationId(), event.fromPartnerId(), event.toPartnerId(), event.words(), at)));
    }
}
