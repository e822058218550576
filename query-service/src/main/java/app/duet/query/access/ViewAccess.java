package app.duet.query.access;

import app.duet.access.Actor;
import app.duet.access.NotYours;
import app.duet.api.access.Role;
import app.duet.api.pairing.CoupleView;
import app.duet.api.pairing.PartnerView;
import app.duet.api.session.ParticipantView;
import app.duet.api.session.SessionView;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may see a couple's or a session's content: its own partners, and a therapist while both
 * partners consent ({@link TherapistConsent}). Analysts and admins never see a couple's views. The
 * same rule guards the REST queries and every STOMP subscription, so content cannot leak through one
 * and not the other; and every read by someone other than a partner goes into the couple's audit log.
 */
@Component
public class ViewAccess {

    /** How content was read, for the audit log. */
    public enum Via { REST, LIVE }

    /** Not the caller's, or not there: the same words either way ({@link NotYours}). */
    private static final String REFUSED = NotYours.DETAIL;

    private final TherapistConsent consent;
    private final AccessEnforcement enforcement;
    private final ReadLog audit;

    public ViewAccess(TherapistConsent consent, AccessEnforcement enforcement, ReadLog audit) {
        this.consent = consent;
        this.enforcement = enforcement;
        this.audit = audit;
    }

    public CoupleView requireMayRead(Actor actor, CoupleView couple, Via via) {
        return requireMayRead(actor, couple, via, "the couple's overview");
    }

    /** As above, for something of the couple's other than its overview, named as the audit log shows it. */
    public CoupleView requireMayRead(Actor actor, CoupleView couple, Via via, String what) {
        boolean partner = couple.partners().stream().map(PartnerView::partnerId).anyMatch(actor.id()::equals);
        requireAllowed(actor, couple.coupleId(), partner, what, via);
        return couple;
    }

    /** Whether the actor may read the couple now; reading is logged as for requireMayRead. */
    public boolean mayRead(Actor actor, CoupleView couple, Via via) {
        try {
            requireMayRead(actor, couple, via);
            return true;
        } catch (AccessDeniedException refused) {
            return false;
        }
    }

    public SessionView requireMayRead(Actor actor, SessionView session, Via via) {
        boolean partner = session.partners().stream().map(ParticipantView::partnerId).anyMatch(actor.id()::equals);
        requireAllowed(actor, session.coupleId(), partner, "session " + session.sessionId(), via);
        return session;
    }

    /** For what only a consented therapist reads (their notes, safety concerns). */
    public void requireObserving(Actor actor, String coupleId, String what, Via via) {
        requireAllowed(actor, coupleId, false, what, via);
    }

    /** Whether the actor is a therapist the couple consents to now (nothing is logged: nothing is read yet). */
    public boolean isObserving(Actor actor, String coupleId) {
        return actor.is(Role.THERAPIST) && !enforcement.isErased(coupleId) && consent.allows(actor.id(), coupleId);
    }

    /** Partners only: things about the couple that are theirs alone, such as who read their content. */
    public void requirePartner(Actor actor, CoupleView couple) {
        boolean partner = couple.partners().stream().map(PartnerView::partnerId).anyMatch(actor.id()::equals);
        if (!actor.is(Role.PARTNER) || !partner || enforcement.isErased(couple.coupleId())) {
            throw new AccessDeniedException(REFUSED);
        }
    }

    private void requireAllowed(Actor actor, String coupleId, boolean partnerOfIt, String what, Via via) {
        if (enforcement.isErased(coupleId)) {
            throw new AccessDeniedException(REFUSED);
        }
        if (actor.is(Role.PARTNER) && partnerOfIt) {
            return;
        }
        if (!actor.is(Role.THERAPIST) || !consent.allows(actor.id(), coupleId)) {
            throw new AccessDeniedException(REFUSED);
        }
        audit.record(actor, coupleId, what, via.name());
    }
}
