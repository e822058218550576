package app.duet.query.access;

import app.duet.api.pairing.CoupleView;
import app.duet.api.pairing.FindCoupleMembers;
import app.duet.api.consent.TherapistAccess;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether a therapist may observe a couple now, decided here and nowhere else on the query side:
 * while the couple's overview shows their access active (both partners consented), unless this
 * instance has seen it withdrawn since. The overview may lag behind the events; a withdrawal reaches
 * every instance at once through {@link AccessEnforcement}, so it takes effect before the overview
 * has caught up with it.
 */
@Component
public class TherapistConsent {

    private final Set<String> withdrawnHere = ConcurrentHashMap.newKeySet();
    private final QueryGateway queries;

    public TherapistConsent(QueryGateway queries) {
        this.queries = queries;
    }

    /** As the couple's overview stands now; a couple nobody knows consents to no one. */
    public boolean allows(String therapistId, String coupleId) {
        return !withdrawnHere.contains(key(coupleId, therapistId))
                && queries.query(new FindCoupleMembers(coupleId), ResponseTypes.optionalInstanceOf(CoupleView.class)).join()
                .map(couple -> couple.therapists().stream().anyMatch(therapist ->
                        therapist.therapistId().equals(therapistId) && therapist.access() == TherapistAccess.ACTIVE))
                .orElse(false);
    }

    /** A consent granted again (after a withdrawal this instance saw) counts as the overview shows it. */
    void granted(String coupleId, String therapistId) {
        withdrawnHere.remove(key(coupleId, therapistId));
    }

    void withdrawn(String coupleId, String therapistId) {
        withdrawnHere.add(key(coupleId, therapistId));
    }

    private static String key(String coupleId, String therapistId) {
        return coupleId + "/" + therapistId;
    }
}
