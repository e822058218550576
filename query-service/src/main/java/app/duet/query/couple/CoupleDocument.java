package app.duet.query.couple;

import app.duet.api.couple.CoupleView;
import app.duet.api.couple.PartnerView;
import app.duet.api.couple.SessionSummary;
import app.duet.api.couple.TherapistAccess;
import app.duet.api.couple.TherapistView;
import app.duet.api.session.Exercise;
import app.duet.api.session.SessionStatus;
import app.duet.query.live.AppliedEvents;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A couple's overview as stored: partners, invitation, sessions. */
@Document("couple_overviews")
@CompoundIndex(name = "session", def = "{'sessions.sessionId': 1}")
public class CoupleDocument {

    @Id
    private String coupleId;
    private List<PartnerView> partners = new ArrayList<>();
    @Indexed
    private List<String> partnerIds = new ArrayList<>();
    private String invitationCode;
    private List<SessionSummary> sessions = new ArrayList<>();
    private List<TherapistView> therapists = new ArrayList<>();
    /** The therapists who may observe now, indexed for the caseload query. */
    @Indexed
    private List<String> observingTherapistIds = new ArrayList<>();
    private AppliedEvents applied = new AppliedEvents();

    protected CoupleDocument() {
    }

    CoupleDocument(String coupleId, String invitationCode) {
        this.coupleId = coupleId;
        this.invitationCode = invitationCode;
    }

    /** Once both partners are in, the invitation code is spent and leaves the view. */
    void addPartner(String partnerId, String displayName) {
        partners.add(new PartnerView(partnerId, displayName));
        partnerIds.add(partnerId);
        if (partners.size() == 2) {
            invitationCode = null;
        }
    }

    void addSession(String sessionId, Exercise exercise, Instant startedAt) {
        sessions.add(0, new SessionSummary(sessionId, exercise, SessionStatus.RUNNING, startedAt, null));
    }

    void endSession(String sessionId, Instant endedAt) {
        sessions.replaceAll(session -> session.sessionId().equals(sessionId)
                ? new SessionSummary(sessionId, session.exercise(), SessionStatus.ENDED, session.startedAt(), endedAt)
                : session);
    }

    void inviteTherapist(String therapistId, String name, String invitedBy) {
        therapists.add(new TherapistView(therapistId, name, TherapistAccess.INVITED, invitedBy));
    }

    void grantTherapist(String therapistId) {
        therapists.replaceAll(t -> t.therapistId().equals(therapistId)
                ? new TherapistView(therapistId, t.therapistName(), TherapistAccess.ACTIVE, t.invitedBy()) : t);
        observingTherapistIds.add(therapistId);
    }

    void withdrawTherapist(String therapistId) {
        therapists.removeIf(t -> t.therapistId().equals(therapistId));
        observingTherapistIds.remove(therapistId);
    }

    public List<String> sessionIds() {
        return sessions.stream().map(SessionSummary::sessionId).toList();
    }

    /** Whether this therapist may observe the couple now: both partners consent. */
    public boolean isObservedBy(String therapistId) {
        return observingTherapistIds.contains(therapistId);
    }

    /** The name a partner gave, for views that show people rather than ids. */
    public String displayNameOf(String partnerId) {
        return partners.stream().filter(p -> p.partnerId().equals(partnerId))
                .map(PartnerView::displayName).findFirst().orElse(null);
    }

    AppliedEvents applied() {
        return applied;
    }

    public CoupleView toView() {
        return new CoupleView(coupleId, List.copyOf(partners), invitationCode, partners.size() == 2,
                List.copyOf(sessions), List.copyOf(therapists), applied.version());
    }
}
