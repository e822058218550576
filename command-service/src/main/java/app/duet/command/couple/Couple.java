package app.duet.command.couple;

import app.duet.api.couple.CoupleCreated;
import app.duet.api.couple.CoupleErased;
import app.duet.api.couple.CreateCouple;
import app.duet.api.couple.EraseCouple;
import app.duet.api.couple.JoinCouple;
import app.duet.api.couple.PartnerJoinedCouple;
import app.duet.api.clinical.RaiseSafetyConcern;
import app.duet.api.clinical.SafetyConcernRaised;
import app.duet.api.clinical.TherapistNoteWritten;
import app.duet.api.clinical.WriteTherapistNote;
import app.duet.api.couple.ConsentToTherapist;
import app.duet.api.couple.InviteTherapist;
import app.duet.api.couple.StartSession;
import app.duet.api.couple.TherapistAccessGranted;
import app.duet.api.couple.TherapistAccessWithdrawn;
import app.duet.api.couple.TherapistInvited;
import app.duet.api.couple.WithdrawTherapistConsent;
import app.duet.command.session.JointSession;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static app.duet.command.RuleViolation.require;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.createNew;

/**
 * Two partners paired by an invitation code, and the therapists they consented to; the only place a
 * joint session can start from. A therapist observes only while both partners consent.
 */
@Aggregate
public class Couple {

    @AggregateIdentifier
    private String coupleId;
    private final List<String> partnerIds = new ArrayList<>();
    private String invitationCode;
    private Instant invitationExpiresAt;
    /** Each therapist a partner has consented to, with who has consented so far. */
    private final Map<String, Set<String>> therapistConsents = new HashMap<>();
    private boolean erased;

    protected Couple() {
        // Axon rebuilds the couple from its events.
    }

    @CommandHandler
    public Couple(CreateCouple command) {
        apply(new CoupleCreated(command.coupleId(), command.partnerId(), command.displayName(),
                command.invitationCode(), command.invitationExpiresAt()));
    }

    @CommandHandler
    public void handle(JoinCouple command) {
        require(!erased, "couple-erased", "This couple has been erased.");
        require(!partnerIds.contains(command.partnerId()), "already-in-couple",
                "You are already a partner in this couple.");
        require(partnerIds.size() < 2, "couple-complete",
                "This couple already has two partners; the invitation code has been used.");
        require(invitationCode.equals(command.invitationCode()), "wrong-invitation-code",
                "That invitation code does not belong to this couple.");
        require(command.requestedAt().isBefore(invitationExpiresAt), "invitation-expired",
                "That invitation code has expired: ask your partner to open a new couple and share its code.");
        apply(new PartnerJoinedCouple(coupleId, command.partnerId(), command.displayName()));
    }

    @CommandHandler
    public void handle(StartSession command) throws Exception {
        requirePartner(command.partnerId());
        require(partnerIds.size() == 2, "couple-incomplete",
                "A joint session needs both partners: share the invitation code first.");
        List<String> partners = List.copyOf(partnerIds);
        createNew(JointSession.class, () -> new JointSession(command.sessionId(), coupleId,
                command.exercise(), partners, command.partnerId()));
    }

    @CommandHandler
    public void handle(InviteTherapist command) {
        requirePartner(command.partnerId());
        require(partnerIds.size() == 2, "couple-incomplete", "Invite a therapist once both partners are in.");
        require(!partnerIds.contains(command.therapistId()), "partner-as-therapist",
                "A partner of the couple cannot also be its therapist.");
        require(!therapistConsents.containsKey(command.therapistId()), "therapist-already-invited",
                "This therapist has already been invited.");
        apply(new TherapistInvited(coupleId, command.therapistId(), command.therapistName(), command.partnerId()));
    }

    @CommandHandler
    public void handle(ConsentToTherapist command) {
        requirePartner(command.partnerId());
        Set<String> consents = therapistConsents.get(command.therapistId());
        require(consents != null, "therapist-not-invited", "This therapist has not been invited.");
        require(!consents.contains(command.partnerId()), "already-consented", "You have already consented.");
        apply(new TherapistAccessGranted(coupleId, command.therapistId(), command.partnerId()));
    }

    @CommandHandler
    public void handle(WithdrawTherapistConsent command) {
        requirePartner(command.partnerId());
        require(therapistConsents.containsKey(command.therapistId()), "therapist-not-invited",
                "This therapist has no access to withdraw.");
        apply(new TherapistAccessWithdrawn(coupleId, command.therapistId(), command.partnerId()));
    }

    @CommandHandler
    public void handle(WriteTherapistNote command) {
        require(!erased, "couple-erased", "This couple has been erased.");
        require(observingTherapists().contains(command.therapistId()), "not-observing",
                "Only a therapist both partners consented to keeps notes on this couple.");
        apply(new TherapistNoteWritten(coupleId, command.noteId(), command.therapistId(), command.text()));
    }

    @CommandHandler
    public void handle(RaiseSafetyConcern command) {
        requirePartner(command.partnerId());
        List<String> therapists = observingTherapists();
        require(!therapists.isEmpty(), "no-therapist",
                "No therapist observes this couple yet, so no one could receive this. If you are in danger, call your local emergency number.");
        apply(new SafetyConcernRaised(coupleId, command.concernId(), command.partnerId(), command.words(), therapists));
    }

    /** Therapists both partners consented to. */
    private List<String> observingTherapists() {
        return therapistConsents.entrySet().stream()
                .filter(entry -> entry.getValue().containsAll(partnerIds) && partnerIds.size() == 2)
                .map(Map.Entry::getKey).sorted().toList();
    }

    @CommandHandler
    public void handle(EraseCouple command) {
        requirePartner(command.partnerId());
        apply(new CoupleErased(coupleId, command.partnerId()));
    }

    private void requirePartner(String partnerId) {
        require(!erased, "couple-erased", "This couple has been erased.");
        require(partnerIds.contains(partnerId), "not-a-partner", "Only the couple's partners decide this.");
    }

    @EventSourcingHandler
    void on(CoupleCreated event) {
        coupleId = event.coupleId();
        invitationCode = event.invitationCode();
        invitationExpiresAt = event.invitationExpiresAt();
        partnerIds.add(event.partnerId());
    }

    @EventSourcingHandler
    void on(PartnerJoinedCouple event) {
        partnerIds.add(event.partnerId());
    }

    @EventSourcingHandler
    void on(CoupleErased event) {
        erased = true;
        therapistConsents.clear();
    }

    @EventSourcingHandler
    void on(TherapistInvited event) {
        therapistConsents.put(event.therapistId(), new HashSet<>(Set.of(event.invitedBy())));
    }

    @EventSourcingHandler
    void on(TherapistAccessGranted event) {
        therapistConsents.get(event.therapistId()).add(event.consentedBy());
    }

    @EventSourcingHandler
    void on(TherapistAccessWithdrawn event) {
        therapistConsents.remove(event.therapistId());
    }
}
