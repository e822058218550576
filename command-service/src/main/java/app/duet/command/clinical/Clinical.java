package app.duet.command.clinical;

import app.duet.api.clinical.MarkSafetyConcernSeen;
import app.duet.api.clinical.RaiseSafetyConcern;
import app.duet.api.clinical.SafetyConcernRaised;
import app.duet.api.clinical.SafetyConcernSeen;
import app.duet.api.clinical.TherapistNoteWritten;
import app.duet.api.clinical.WriteTherapistNote;
import app.duet.command.consent.Consent;
import app.duet.command.pairing.Pairing;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.io.Serializable;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static app.duet.command.RuleViolation.require;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** What is said to the therapist alone: their private notes, and a partner's safety concern. */
public class Clinical implements Serializable {

    private final String coupleId;
    private final Pairing pairing;
    private final Consent consent;
    /** Each concern's therapists, and of those the ones who have not read it yet. Concerns are few. */
    private final Map<String, Set<String>> toldTo = new HashMap<>();
    private final Map<String, Set<String>> unreadBy = new HashMap<>();

    public Clinical(String coupleId, Pairing pairing, Consent consent) {
        this.coupleId = coupleId;
        this.pairing = pairing;
        this.consent = consent;
    }

    @CommandHandler
    public void handle(WriteTherapistNote command) {
        pairing.requireNotErased();
        require(consent.observes(command.therapistId()), "not-observing",
                "Only a therapist both partners consented to keeps notes on this couple.");
        apply(new TherapistNoteWritten(coupleId, command.noteId(), command.therapistId(), command.text()));
    }

    /** Goes to every therapist observing now, and only to them. */
    @CommandHandler
    public void handle(RaiseSafetyConcern command) {
        pairing.requirePartner(command.partnerId());
        List<String> therapists = consent.observingTherapists();
        require(!therapists.isEmpty(), "no-therapist",
                "No therapist observes this couple yet, so no one could receive this. If you are in danger, call your local emergency number.");
        apply(new SafetyConcernRaised(coupleId, command.concernId(), command.partnerId(), command.words(), therapists));
    }

    /** Only a therapist who was told of the concern, and is still consented to, says they read it; saying it again changes nothing. */
    @CommandHandler
    public void handle(MarkSafetyConcernSeen command) {
        pairing.requireNotErased();
        require(toldTo.getOrDefault(command.concernId(), Set.of()).contains(command.therapistId())
                        && consent.observes(command.therapistId()), "not-told",
                "Only a therapist who was told of this concern, and whom the couple still consents to, marks it read.");
        if (unreadBy.getOrDefault(command.concernId(), Set.of()).contains(command.therapistId())) {
            apply(new SafetyConcernSeen(coupleId, command.concernId(), command.therapistId()));
        }
    }

    @EventSourcingHandler
    void on(SafetyConcernRaised event) {
        toldTo.put(event.concernId(), new HashSet<>(event.therapistIds()));
        unreadBy.put(event.concernId(), new HashSet<>(event.therapistIds()));
    }

    @EventSourcingHandler
    void on(SafetyConcernSeen event) {
        Set<String> unread = unreadBy.get(event.concernId());
        if (unread != null && unread.remove(event.therapistId()) && unread.isEmpty()) {
            unreadBy.remove(event.concernId());
        }
    }
}
