package app.duet.query.session;

import app.duet.query.live.AppliedEvents;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The names a couple's session views show, as the couple's own events gave them: its partners' and
 * those of the therapists it invited (until their access is withdrawn). Kept by {@link SessionNames}
 * for the session views alone, so they rebuild from the events without any other view.
 */
@Document("session_names")
public class CoupleNames {

    /** A person of the couple's and the name they go by; null once the couple's key is destroyed. */
    record Named(String id, String name) {
    }

    @Id
    private String coupleId;
    private List<Named> partners = new ArrayList<>();
    private List<Named> therapists = new ArrayList<>();
    private AppliedEvents applied = new AppliedEvents();

    protected CoupleNames() {
    }

    CoupleNames(String coupleId) {
        this.coupleId = coupleId;
    }

    void partner(String partnerId, String name) {
        partners.add(new Named(partnerId, name));
    }

    void therapist(String therapistId, String name) {
        therapists.add(new Named(therapistId, name));
    }

    void forgetTherapist(String therapistId) {
        therapists.removeIf(therapist -> therapist.id().equals(therapistId));
    }

    /** The partner's name, or null: unknown, or erased (a name whose key was destroyed reads as null). */
    String partnerName(String partnerId) {
        return partners.stream().filter(partner -> partner.id().equals(partnerId)).map(Named::name)
                .filter(Objects::nonNull).findFirst().orElse(null);
    }

    /** The name the couple gave the therapist when inviting them, or null: unknown, or erased, as a partner's. */
    String therapistName(String therapistId) {
        // Filtered as a partner's name is: findFirst cannot hold a null, and a replay after erasure has one.
        return therapists.stream().filter(therapist -> therapist.id().equals(therapistId)).map(Named::name)
                .filter(Objects::nonNull).findFirst().orElse(null);
    }

    String coupleId() {
        return coupleId;
    }

    AppliedEvents applied() {
        return applied;
    }
}
