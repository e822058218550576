package app.duet.command.consent;

import app.duet.api.consent.GrantTherapistAccess;
import app.duet.api.consent.InviteTherapist;
import app.duet.api.consent.TherapistAccessGranted;
import app.duet.api.consent.TherapistAccessWithdrawn;
import app.duet.api.consent.TherapistInvited;
import app.duet.api.consent.WithdrawTherapistAccess;
import app.duet.api.privacy.CoupleErased;
import app.duet.command.pairing.Pairing;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.io.Serializable;

import static app.duet.command.RuleViolation.require;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The therapists a partner invited and who has consented to each. The command side's one place
 * that decides whether a therapist observes the couple: both partners consent, and it is not erased.
 */
public class Consent implements Serializable {

    private final String coupleId;
    private final Pairing pairing;
    /** Each therapist a partner has invited, with who has consented so far. */
    private final Map<String, Set<String>> consentsByTherapist = new HashMap<>();

    public Consent(String coupleId, Pairing pairing) {
        this.coupleId = coupleId;
        this.pairing = pairing;
    }

    @CommandHandler
    public void handle(InviteTherapist command) {
        pairing.requirePartner(command.partnerId());
        require(pairing.isComplete(), "couple-incomplete", "Invite a therapist once both partners are in.");
        require(!pairing.isPartner(command.therapistId()), "partner-as-therapist",
                "A partner of the couple cannot also be its therapist.");
        require(!consentsByTherapist.containsKey(command.therapistId()), "therapist-already-invited",
                "This therapist has already been invited.");
        apply(new TherapistInvited(coupleId, command.therapistId(), command.therapistName(), command.partnerId()));
    }

    @CommandHandler
    public void handle(GrantTherapistAccess command) {
        pairing.requirePartner(command.partnerId());
        Set<String> consents = consentsByTherapist.get(command.therapistId());
        require(consents != null, "therapist-not-invited", "This therapist has not been invited.");
        require(!consents.contains(command.partnerId()), "already-consented", "You have already consented.");
        apply(new TherapistAccessGranted(coupleId, command.therapistId(), command.partnerId()));
    }

    @CommandHandler
    public void handle(WithdrawTherapistAccess command) {
        pairing.requirePartner(command.partnerId());
        require(consentsByTherapist.containsKey(command.therapistId()), "therapist-not-invited",
                "This therapist has no access to withdraw.");
        apply(new TherapistAccessWithdrawn(coupleId, command.therapistId(), command.partnerId()));
    }

    // --- what the other members, and the couple's sessions, ask ---------------------------------

    public boolean observes(String therapistId) {
        return observingTherapists().contains(therapistId);
    }

    /** Therapists both partners consented to, in a stable order; none once the couple is erased. */
    public List<String> observingTherapists() {
        List<String> partners = pairing.partnerIds();
        return consentsByTherapist.entrySet().stream()
                .filter(entry -> pairing.isComplete() && entry.getValue().containsAll(partners))
                .map(Map.Entry::getKey).sorted().toList();
    }

    /** The therapist's frame (homework, commitments, attendance) is set only by an observing therapist. */
    public void requireObserving(String therapistId) {
        pairing.requireNotErased();
        require(observes(therapistId), "not-observing", "Only a therapist both partners consented to does this.");
    }

    @EventSourcingHandler
    void on(TherapistInvited event) {
        consentsByTherapist.put(event.therapistId(), new HashSet<>(Set.of(event.invitedBy())));
    }

    @EventSourcingHandler
    void on(TherapistAccessGranted event) {
        consentsByTherapist.get(event.therapistId()).add(event.consentedBy());
    }

    @EventSourcingHandler
    void on(TherapistAccessWithdrawn event) {
        consentsByTherapist.remove(event.therapistId());
    }

    @EventSourcingHandler
    void on(CoupleErased event) {
        consentsByTherapist.clear();
    }
}
