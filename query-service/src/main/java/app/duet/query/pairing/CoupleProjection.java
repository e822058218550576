package app.duet.query.pairing;

import app.duet.api.pairing.CoupleCreated;
import app.duet.api.pairing.CoupleView;
import app.duet.api.pairing.FindCouple;
import app.duet.api.pairing.FindCoupleMembers;
import app.duet.api.pairing.FindCoupleOfPartner;
import app.duet.api.pairing.PartnerJoinedCouple;
import app.duet.api.privacy.CoupleErased;
import app.duet.query.live.LiveViews;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Each couple's overview begins here, with the couple and its partners, and goes here when the couple
 * is erased or the live views are rebuilt. Every other feature's projection adds its part to it
 * through {@link CoupleOverviews}, in the same processing group.
 */
@Component
@ProcessingGroup(LiveViews.PROCESSING_GROUP)
public class CoupleProjection {

    private final CoupleOverviews overviews;

    public CoupleProjection(CoupleOverviews overviews) {
        this.overviews = overviews;
    }

    @EventHandler
    public void on(CoupleCreated event, @SequenceNumber long sequence, ReplayStatus replay) {
        CoupleDocument couple = overviews.find(event.coupleId())
                .orElseGet(() -> overviews.reading(new CoupleDocument(event.coupleId(), event.invitationCode())));
        overviews.apply(couple, event.coupleId(), sequence, replay,
                c -> c.addPartner(event.partnerId(), event.displayName()));
    }

    @EventHandler
    public void on(PartnerJoinedCouple event, @SequenceNumber long sequence, ReplayStatus replay) {
        overviews.update(event.coupleId(), sequence, replay, c -> c.addPartner(event.partnerId(), event.displayName()));
    }

    /** An erased couple's overview goes, with every item of its lists; nothing of it is kept for anyone. */
    @EventHandler
    public void on(CoupleErased event) {
        overviews.deleteCouple(event.coupleId());
    }

    @QueryHandler
    public Optional<CoupleView> handle(FindCouple query) {
        return overviews.find(query.coupleId()).map(CoupleDocument::toView);
    }

    /** Partners and therapists only: no item of the couple's lists is read. */
    @QueryHandler
    public Optional<CoupleView> handle(FindCoupleMembers query) {
        return overviews.find(query.coupleId()).map(CoupleDocument::summary);
    }

    @QueryHandler
    public Optional<CoupleView> handle(FindCoupleOfPartner query) {
        return overviews.findOfPartner(query.partnerId()).map(CoupleDocument::toView);
    }

    @ResetHandler
    public void reset() {
        overviews.deleteAll();
    }
}
