package app.duet.query.couple;

import app.duet.api.couple.CoupleCreated;
import app.duet.api.couple.CoupleErased;
import app.duet.api.couple.CoupleView;
import app.duet.api.couple.FindCaseload;
import app.duet.api.couple.FindCouple;
import app.duet.api.couple.FindCoupleOfPartner;
import app.duet.api.couple.PartnerJoinedCouple;
import app.duet.api.couple.TherapistAccessGranted;
import app.duet.api.couple.TherapistAccessWithdrawn;
import app.duet.api.couple.TherapistInvited;
import app.duet.api.session.SessionEnded;
import app.duet.api.session.SessionStarted;
import app.duet.query.live.LiveViews;
import app.duet.query.live.ViewPublisher;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Builds each couple's overview from couple and session events; pushes every change. */
@Component
@ProcessingGroup(LiveViews.PROCESSING_GROUP)
public class CoupleProjection {

    private final CoupleDocumentRepository couples;
    private final ViewPublisher publisher;

    public CoupleProjection(CoupleDocumentRepository couples, ViewPublisher publisher) {
        this.couples = couples;
        this.publisher = publisher;
    }

    @EventHandler
    public void on(CoupleCreated event, @SequenceNumber long sequence, ReplayStatus replay) {
        CoupleDocument couple = couples.findById(event.coupleId())
                .orElseGet(() -> new CoupleDocument(event.coupleId(), event.invitationCode()));
        apply(couple, event.coupleId(), sequence, replay, c -> c.addPartner(event.partnerId(), event.displayName()));
    }

    @EventHandler
    public void on(PartnerJoinedCouple event, @SequenceNumber long sequence, ReplayStatus replay) {
        update(event.coupleId(), sequence, replay, c -> c.addPartner(event.partnerId(), event.displayName()));
    }

    @EventHandler
    public void on(SessionStarted event, @SequenceNumber long sequence, @Timestamp Instant at, ReplayStatus replay) {
        couples.findById(event.coupleId()).ifPresent(couple -> apply(couple, event.sessionId(), sequence, replay,
                c -> c.addSession(event.sessionId(), event.exercise(), at)));
    }

    @EventHandler
    public void on(SessionEnded event, @SequenceNumber long sequence, @Timestamp Instant at, ReplayStatus replay) {
        couples.findFirstBySessionsSessionId(event.sessionId()).ifPresent(couple -> apply(couple,
                event.sessionId(), sequence, replay, c -> c.endSession(event.sessionId(), at)));
    }

    @EventHandler
    public void on(TherapistInvited event, @SequenceNumber long sequence, ReplayStatus replay) {
        update(event.coupleId(), sequence, replay,
                c -> c.inviteTherapist(event.therapistId(), event.therapistName(), event.invitedBy()));
    }

    @EventHandler
    public void on(TherapistAccessGranted event, @SequenceNumber long sequence, ReplayStatus replay) {
        update(event.coupleId(), sequence, replay, c -> c.grantTherapist(event.therapistId()));
    }

    @EventHandler
    public void on(TherapistAccessWithdrawn event, @SequenceNumber long sequence, ReplayStatus replay) {
        update(event.coupleId(), sequence, replay, c -> c.withdrawTherapist(event.therapistId()));
    }

    /** An erased couple's overview goes; nothing of it is kept for anyone. */
    @EventHandler
    public void on(CoupleErased event) {
        couples.deleteById(event.coupleId());
    }

    private void update(String coupleId, long sequence, ReplayStatus replay, Consumer<CoupleDocument> change) {
        couples.findById(coupleId).ifPresent(couple -> apply(couple, coupleId, sequence, replay, change));
    }

    /** Applies a change once per event, stores it, and tells the couple's screens. */
    private void apply(CoupleDocument couple, String aggregateId, long sequence, ReplayStatus replay,
                       Consumer<CoupleDocument> change) {
        if (couple.applied().applyOnce(aggregateId, sequence, () -> change.accept(couple))) {
            couples.save(couple);
            if (!replay.isReplay()) {
                publisher.publish(couple.toView());
            }
        }
    }

    @QueryHandler
    public Optional<CoupleView> handle(FindCouple query) {
        return couples.findById(query.coupleId()).map(CoupleDocument::toView);
    }

    @QueryHandler
    public Optional<CoupleView> handle(FindCoupleOfPartner query) {
        return couples.findFirstByPartnerIds(query.partnerId()).map(CoupleDocument::toView);
    }

    @QueryHandler
    public List<CoupleView> handle(FindCaseload query) {
        return couples.findByObservingTherapistIds(query.therapistId()).stream().map(CoupleDocument::toView).toList();
    }

    @ResetHandler
    public void reset() {
        couples.deleteAll();
    }
}
