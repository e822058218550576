package app.duet.query.access;

import app.duet.access.Actor;
import app.duet.api.access.Role;
import app.duet.api.couple.CoupleView;
import app.duet.api.couple.PartnerView;
import app.duet.api.session.ParticipantView;
import app.duet.api.session.SessionView;
import app.duet.query.couple.CoupleDocument;
import app.duet.query.couple.CoupleDocumentRepository;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may see a couple's or a session's view: its own partners, and a therapist while both partners
 * consent. Analysts and admins never see a couple's views. The same rule guards the REST queries
 * and every STOMP subscription, so a view cannot leak through one and not the other.
 */
@Component
public class ViewAccess {

    private final CoupleDocumentRepository couples;
    private final AccessEnforcement enforcement;

    public ViewAccess(CoupleDocumentRepository couples, AccessEnforcement enforcement) {
        this.couples = couples;
        this.enforcement = enforcement;
    }

    public CoupleView requireMayRead(Actor actor, CoupleView couple) {
        boolean partner = actor.is(Role.PARTNER)
                && couple.partners().stream().map(PartnerView::partnerId).anyMatch(actor.id()::equals);
        if (enforcement.isErased(couple.coupleId()) || !partner && !observes(actor, couple.coupleId())) {
            throw new AccessDeniedException("Only the couple's partners, and a therapist they both consented to, may see this.");
        }
        return couple;
    }

    public SessionView requireMayRead(Actor actor, SessionView session) {
        boolean partner = actor.is(Role.PARTNER)
                && session.partners().stream().map(ParticipantView::partnerId).anyMatch(actor.id()::equals);
        if (enforcement.isErased(session.coupleId()) || !partner && !observes(actor, session.coupleId())) {
            throw new AccessDeniedException("Only the couple's partners, and a therapist they both consented to, may see this.");
        }
        return session;
    }

    private boolean observes(Actor actor, String coupleId) {
        return actor.is(Role.THERAPIST)
                && !enforcement.isWithdrawn(coupleId, actor.id())
                && couples.findById(coupleId).map(couple -> couple.isObservedBy(actor.id())).orElse(false);
    }
}
