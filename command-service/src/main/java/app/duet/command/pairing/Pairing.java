package app.duet.command.pairing;

import app.duet.api.pairing.CoupleCreated;
import app.duet.api.pairing.JoinCouple;
import app.duet.api.pairing.PartnerJoinedCouple;
import app.duet.api.privacy.CoupleErased;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.io.Serializable;

import static app.duet.command.RuleViolation.require;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The two partners, paired by an invitation code, until the couple is erased. Every other member of
 * the couple, whatever its feature, asks this one who may act.
 */
public class Pairing implements Serializable {

    private final String coupleId;
    private final List<String> partnerIds = new ArrayList<>();
    private final String invitationCode;
    private final Instant invitationExpiresAt;
    private boolean erased;

    public Pairing(CoupleCreated created) {
        coupleId = created.coupleId();
        partnerIds.add(created.partnerId());
        invitationCode = created.invitationCode();
        invitationExpiresAt = created.invitationExpiresAt();
    }

    /** A person is a partner in one couple at a time: the command side's own lookup knows every couple. */
    public static void requireInNoCouple(String personId, PartnerRegistry partners) {
        require(partners.coupleOf(personId).isEmpty(), "already-in-a-couple", "You are already a partner in a couple.");
    }

    @CommandHandler
    public void handle(JoinCouple command, PartnerRegistry partners) {
        requireInNoCouple(command.partnerId(), partners);
        requireNotErased();
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

    // --- what the other members ask -------------------------------------------------------------

    public boolean isErased() {
        return erased;
    }

    public void requireNotErased() {
        require(!erased, "couple-erased", "This couple has been erased.");
    }

    public void requirePartner(String partnerId) {
        requireNotErased();
        require(isPartner(partnerId), "not-a-partner", "Only the couple's partners decide this.");
    }

    /** A partner acting towards the other, who must have joined. */
    public void requirePaired(String partnerId) {
        requirePartner(partnerId);
        require(isComplete(), "couple-incomplete", "Your partner has not joined yet.");
    }

    public boolean isPartner(String personId) {
        return partnerIds.contains(personId);
    }

    public boolean isComplete() {
        return partnerIds.size() == 2;
    }

    public List<String> partnerIds() {
        return List.copyOf(partnerIds);
    }

    public String otherPartner(String partnerId) {
        return partnerIds.get(0).equals(partnerId) ? partnerIds.get(1) : partnerIds.get(0);
    }

    @EventSourcingHandler
    void on(PartnerJoinedCouple event) {
        partnerIds.add(event.partnerId());
    }

    @EventSourcingHandler
    void on(CoupleErased event) {
        erased = true;
    }
}
