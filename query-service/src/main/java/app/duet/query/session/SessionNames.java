package app.duet.query.session;

import app.duet.api.pairing.CoupleCreated;
import app.duet.api.privacy.CoupleErased;
import app.duet.api.pairing.PartnerJoinedCouple;
import app.duet.api.consent.TherapistAccessWithdrawn;
import app.duet.api.consent.TherapistInvited;
import app.duet.query.live.LiveViews;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

import java.util.function.Consumer;

/**
 * The people's names the session views show, kept from the couple's events in a collection of
 * their own ({@link CoupleNames}), so the session views need no other view to be built or rebuilt.
 * They share the live views' processor, which applies the couple's events before its sessions'.
 */
@Component
@ProcessingGroup(LiveViews.PROCESSING_GROUP)
public class SessionNames {

    private final CoupleNamesRepository names;

    public SessionNames(CoupleNamesRepository names) {
        this.names = names;
    }

    @EventHandler
    public void on(CoupleCreated event, @SequenceNumber long sequence) {
        CoupleNames couple = names.findById(event.coupleId()).orElseGet(() -> new CoupleNames(event.coupleId()));
        apply(couple, sequence, c -> c.partner(event.partnerId(), event.displayName()));
    }

    @EventHandler
    public void on(PartnerJoinedCouple event, @SequenceNumber long sequence) {
        update(event.coupleId(), sequence, c -> c.partner(event.partnerId(), event.displayName()));
    }

    @EventHandler
    public void on(TherapistInvited event, @SequenceNumber long sequence) {
        update(event.coupleId(), sequence, c -> c.therapist(event.therapistId(), event.therapistName()));
    }

    @EventHandler
    public void on(TherapistAccessWithdrawn event, @SequenceNumber long sequence) {
        update(event.coupleId(), sequence, c -> c.forgetTherapist(event.therapistId()));
    }

    /** An erased couple's names go with it. */
    @EventHandler
    public void on(CoupleErased event) {
        names.deleteById(event.coupleId());
    }

    /** The partner's name as the couple's events gave it, or null (unknown, or erased): the page says "Partner". */
    public String partnerName(String coupleId, String partnerId) {
        return names.findById(coupleId).map(couple -> couple.partnerName(partnerId)).orElse(null);
    }

    /** The name the couple gave the therapist when inviting them, or null (unknown, or erased). */
    public String therapistName(String coupleId, String therapistId) {
        return names.findById(coupleId).map(couple -> couple.therapistName(therapistId)).orElse(null);
    }

    @ResetHandler
    public void reset() {
        names.deleteAll();
    }

    private void update(String coupleId, long sequence, Consumer<CoupleNames> change) {
        names.findById(coupleId).ifPresent(couple -> apply(couple, sequence, change));
    }

    /** Names are nobody's view: applied once, and the version, which counts visible changes, left alone. */
    private void apply(CoupleNames couple, long sequence, Consumer<CoupleNames> change) {
        if (couple.applied().applyQuietly(couple.coupleId(), sequence, () -> change.accept(couple))) {
            names.save(couple);
        }
    }
}
