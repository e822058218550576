package app.duet.command.couple;

import app.duet.api.pairing.CoupleCreated;
import app.duet.command.clinical.Clinical;
import app.duet.command.commitment.Attendance;
import app.duet.command.commitment.Commitments;
import app.duet.command.commitment.Homework;
import app.duet.command.consent.Consent;
import app.duet.command.everyday.Everyday;
import app.duet.command.jointsession.JointSession;
import app.duet.command.lists.Lists;
import app.duet.command.pairing.Pairing;
import app.duet.command.privacy.Erasure;
import app.duet.command.session.CoupleSessions;
import app.duet.command.storage.AggregateStorage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.spring.stereotype.Aggregate;
import java.io.Serializable;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Two partners paired by an invitation code, and what they do as a couple: one member per feature,
 * each with its own handlers, in the package of its feature. The only place a joint session can
 * start from. Every member exists from the couple's first event, so Axon always has an instance to
 * hand its commands to; each member's event sourcing handlers see every event of the couple and pick
 * their own.
 */
@Aggregate(cache = AggregateStorage.COUPLE_CACHE, snapshotTriggerDefinition = AggregateStorage.SNAPSHOT_TRIGGER)
public class Couple implements Serializable {

    @AggregateIdentifier
    private String coupleId;
    /** The partners and the invitation; the others ask it who may act. */
    @AggregateMember
    private Pairing pairing;
    /** Therapists invited and consented to; the others ask it who observes. */
    @AggregateMember
    private Consent consent;
    @AggregateMember
    private Erasure erasure;
    @AggregateMember
    private CoupleSessions sessions;
    @AggregateMember
    private Clinical clinical;
    @AggregateMember
    private Commitments commitments;
    @AggregateMember
    private Homework homework;
    @AggregateMember
    private Attendance attendance;
    @AggregateMember
    private Everyday everyday;
    @AggregateMember
    private Lists lists;

    protected Couple() {
        // Axon rebuilds the couple from its events.
    }

    /** A new couple, opened by pairing ({@code CoupleOpening}) through {@link CouplesInTheEventStore}. */
    Couple(CoupleCreated created) {
        apply(created);
    }

    /** Whether this therapist may observe now, as the couple's consents decide it. */
    boolean isObservedBy(String therapistId) {
        return consent.observes(therapistId);
    }

    @EventSourcingHandler
    void on(CoupleCreated event) {
        coupleId = event.coupleId();
        pairing = new Pairing(event);
        consent = new Consent(coupleId, pairing);
        erasure = new Erasure(coupleId, pairing);
        sessions = new CoupleSessions(coupleId, pairing, JointSession::start);
        clinical = new Clinical(coupleId, pairing, consent);
        commitments = new Commitments(coupleId, pairing, consent);
        homework = new Homework(coupleId, pairing, consent);
        attendance = new Attendance(coupleId, pairing, consent);
        everyday = new Everyday(coupleId, pairing);
        lists = new Lists(coupleId, pairing);
    }
}
