package app.duet.query.access;

import app.duet.access.Actor;
import app.duet.api.access.Role;
import app.duet.api.couple.CoupleView;
import app.duet.api.couple.PartnerView;
import app.duet.api.session.ParticipantView;
import app.duet.api.session.SessionView;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may see a couple's or a session's view: its own partners. The same rule guards the REST
 * queries and every STOMP subscription, so a view cannot leak through one and not the other.
 */
@Component
public class ViewAccess {

    public CoupleView requireMayRead(Actor actor, CoupleView couple) {
        boolean partner = actor.is(Role.PARTNER)
                && couple.partners().stream().map(PartnerView::partnerId).anyMatch(actor.id()::equals);
        if (!partner) {
            throw new AccessDeniedException("Only the couple's own partners may see this couple.");
        }
        return couple;
    }

    public SessionView requireMayRead(Actor actor, SessionView session) {
        boolean partner = actor.is(Role.PARTNER)
                && session.partners().stream().map(ParticipantView::partnerId).anyMatch(actor.id()::equals);
        if (!partner) {
            throw new AccessDeniedException("Only the couple's own partners may see this session.");
        }
        return session;
    }
}
