package app.duet.query.consent;

import app.duet.api.consent.TherapistAccess;
import app.duet.api.consent.TherapistAccessGranted;
import app.duet.api.consent.TherapistAccessWithdrawn;
import app.duet.api.consent.TherapistInvited;
import app.duet.api.consent.TherapistView;
import app.duet.query.live.LiveViews;
import app.duet.query.pairing.CoupleOverviews;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/** The couple overview's therapists: whom the couple invited, and whose access is active; a withdrawn one goes. */
@Component
@ProcessingGroup(LiveViews.PROCESSING_GROUP)
public class ConsentProjection {

    private final CoupleOverviews overviews;

    public ConsentProjection(CoupleOverviews overviews) {
        this.overviews = overviews;
    }

    @EventHandler
    public void on(TherapistInvited event, @SequenceNumber long sequence, ReplayStatus replay) {
        overviews.update(event.coupleId(), sequence, replay, c -> c.addTherapist(new TherapistView(
                event.therapistId(), event.therapistName(), TherapistAccess.INVITED, event.invitedBy())));
    }

    @EventHandler
    public void on(TherapistAccessGranted event, @SequenceNumber long sequence, ReplayStatus replay) {
        overviews.update(event.coupleId(), sequence, replay, c -> c.updateTherapist(event.therapistId(),
                t -> new TherapistView(t.therapistId(), t.therapistName(), TherapistAccess.ACTIVE, t.invitedBy())));
    }

    @EventHandler
    public void on(TherapistAccessWithdrawn event, @SequenceNumber long sequence, ReplayStatus replay) {
        overviews.update(event.coupleId(), sequence, replay, c -> c.removeTherapist(event.therapistId()));
    }
}
