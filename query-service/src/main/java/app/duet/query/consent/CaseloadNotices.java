package app.duet.query.consent;

import app.duet.api.consent.TherapistAccess;
import app.duet.api.consent.TherapistAccessGranted;
import app.duet.api.consent.TherapistAccessWithdrawn;
import app.duet.api.consent.TherapistView;
import app.duet.api.pairing.CoupleView;
import app.duet.api.pairing.FindCoupleMembers;
import app.duet.api.session.FindSession;
import app.duet.api.session.SessionEnded;
import app.duet.api.session.SessionStarted;
import app.duet.api.session.SessionView;
import app.duet.query.batch.ViewBatch;
import app.duet.query.live.LiveViews;
import app.duet.query.live.ViewPublisher;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.messaging.simp.SimpMessageSendingOperations;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * Tells a therapist, on their own destination, that their caseload changed: a couple consented to them
 * or withdrew, or one of their couples started or ended a session. The notice names the couple and
 * nothing else; their screen asks for the caseload again, as the service decides who may see what.
 */
@Component
@ProcessingGroup(LiveViews.PROCESSING_GROUP)
public class CaseloadNotices {

    private final SimpMessageSendingOperations pushes;
    private final QueryGateway queries;

    public CaseloadNotices(SimpMessageSendingOperations pushes, QueryGateway queries) {
        this.pushes = pushes;
        this.queries = queries;
    }

    @EventHandler
    public void on(TherapistAccessGranted event, ReplayStatus replay) {
        notice(List.of(event.therapistId()), event.coupleId(), replay);
    }

    @EventHandler
    public void on(TherapistAccessWithdrawn event, ReplayStatus replay) {
        notice(List.of(event.therapistId()), event.coupleId(), replay);
    }

    @EventHandler
    public void on(SessionStarted event, ReplayStatus replay) {
        if (!replay.isReplay()) {
            notice(followingTherapists(event.coupleId()), event.coupleId(), replay);
        }
    }

    @EventHandler
    public void on(SessionEnded event, ReplayStatus replay) {
        if (!replay.isReplay()) {
            queries.query(new FindSession(event.sessionId()), ResponseTypes.optionalInstanceOf(SessionView.class)).join()
                    .ifPresent(session -> notice(followingTherapists(session.coupleId()), session.coupleId(), replay));
        }
    }

    private List<String> followingTherapists(String coupleId) {
        return queries.query(new FindCoupleMembers(coupleId), ResponseTypes.optionalInstanceOf(CoupleView.class)).join()
                .map(couple -> couple.therapists().stream().filter(t -> t.access() == TherapistAccess.ACTIVE)
                        .map(TherapistView::therapistId).toList())
                .orElse(List.of());
    }

    /** Sent once the batch that changed the couple's overview is stored, so the caseload asked for then shows it. */
    private void notice(List<String> therapists, String coupleId, ReplayStatus replay) {
        if (replay.isReplay() || therapists.isEmpty()) {
            return;
        }
        ViewBatch.afterStored(() -> therapists.forEach(therapist ->
                pushes.convertAndSend(ViewPublisher.THERAPIST_TOPIC + therapist, (Object) Map.of("caseload", coupleId))));
    }
}
