package app.duet.query.privacy;

import app.duet.access.Actor;
import app.duet.api.audit.ContentReadView;
import app.duet.api.audit.FindContentReads;
import app.duet.api.cycle.CycleStateView;
import app.duet.api.cycle.FindCycleState;
import app.duet.api.lists.FindMyListItems;
import app.duet.api.lists.ListItemView;
import app.duet.api.notification.FindMyNotifications;
import app.duet.api.notification.NotificationsView;
import app.duet.api.pairing.CoupleView;
import app.duet.api.pairing.PartnerView;
import app.duet.api.session.DraftView;
import app.duet.api.session.FindMyDrafts;
import app.duet.api.session.FindSession;
import app.duet.api.session.SessionSummaryView;
import app.duet.api.session.SessionView;
import app.duet.query.access.ViewAccess;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectMapper;

import java.io.OutputStream;
import java.time.Instant;
import java.util.List;

/**
 * Writes a partner's copy of their data as one JSON document, straight to the answer: the views they
 * may read, whole (every item of every growing list), and what is theirs alone, asked for under their
 * own id and no other. Sessions are read and written one at a time, so a long history costs no more
 * memory than its couple overview and its largest session.
 */
@Component
class MyCopy {

    private final QueryGateway queries;
    private final ViewAccess access;
    private final ObjectMapper json;

    MyCopy(QueryGateway queries, ViewAccess access, ObjectMapper json) {
        this.queries = queries;
        this.access = access;
        this.json = json;
    }

    /** The copy of a partner of the couple; the caller has checked they are one. */
    void write(Actor partner, CoupleView couple, OutputStream out) {
        String coupleId = couple.coupleId();
        try (JsonGenerator copy = json.createGenerator(out)) {
            copy.writeStartObject();
            copy.writePOJOProperty("about", AboutMyCopy.madeFor(nameOf(partner, couple), Instant.now()));
            copy.writePOJOProperty("couple", couple);
            copy.writePOJOProperty("cycleState", queries.query(new FindCycleState(coupleId),
                    ResponseTypes.optionalInstanceOf(CycleStateView.class)).join().orElse(null));
            copy.writeName("sessions");
            copy.writeStartArray();
            for (SessionSummaryView summary : couple.sessions()) {
                writeSession(copy, partner, summary.sessionId());
            }
            copy.writeEndArray();
            copy.writePOJOProperty("myListItems", queries.query(new FindMyListItems(coupleId, partner.id()),
                    ResponseTypes.multipleInstancesOf(ListItemView.class)).join());
            copy.writePOJOProperty("reads", queries.query(new FindContentReads(coupleId),
                    ResponseTypes.multipleInstancesOf(ContentReadView.class)).join());
            copy.writePOJOProperty("myNotifications", queries.query(new FindMyNotifications(partner.id()),
                            ResponseTypes.instanceOf(NotificationsView.class)).join().latest().stream()
                    .filter(notification -> coupleId.equals(notification.coupleId())).toList());
            copy.writeEndObject();
        }
    }

    /** One session as its partners see it, and the partner's own drafts in it. */
    private void writeSession(JsonGenerator copy, Actor partner, String sessionId) {
        SessionView session = queries.query(new FindSession(sessionId), ResponseTypes.optionalInstanceOf(SessionView.class))
                .join().orElse(null);
        if (session == null || !mayRead(partner, session)) {
            return;
        }
        List<DraftView> drafts = queries.query(new FindMyDrafts(sessionId, partner.id()),
                ResponseTypes.multipleInstancesOf(DraftView.class)).join();
        copy.writeStartObject();
        copy.writePOJOProperty("session", session);
        copy.writePOJOProperty("myDrafts", drafts);
        copy.writeEndObject();
        copy.flush();
    }

    /** A session gone since the copy began (its couple erased) is left out, not a half-written file. */
    private boolean mayRead(Actor partner, SessionView session) {
        try {
            access.requireMayRead(partner, session, ViewAccess.Via.REST);
            return true;
        } catch (AccessDeniedException refused) {
            return false;
        }
    }

    /** The name the couple knows the partner by. */
    private static String nameOf(Actor partner, CoupleView couple) {
        return couple.partners().stream().filter(p -> p.partnerId().equals(partner.id())).map(PartnerView::displayName)
                .findFirst().orElse(partner.displayName());
    }
}
