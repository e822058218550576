package app.duet.command.session;

import app.duet.api.exercise.Act;
import app.duet.api.session.EndSession;
import app.duet.api.session.JoinSession;
import app.duet.api.session.LeaveSession;
import app.duet.api.session.MoveToStep;
import app.duet.api.session.JoinSessionAsTherapist;
import app.duet.api.session.PartnerJoinedSession;
import app.duet.api.session.PartnerLeftSession;
import app.duet.api.session.PartnerMovedToStep;
import app.duet.api.session.PauseSession;
import app.duet.api.session.PauseSessionLeftAlone;
import app.duet.api.session.ResumeSession;
import app.duet.api.session.SessionEnded;
import app.duet.api.session.SessionPaused;
import app.duet.api.session.SessionResumed;
import app.duet.api.session.LeaveSessionAsTherapist;
import app.duet.api.session.TherapistJoinedSession;
import app.duet.api.session.TherapistLeftSession;
import app.duet.command.ledger.ItemLedger;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.io.Serializable;

import static app.duet.command.RuleViolation.require;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Who is in the session and where: the partners present and the step each is on, the observing
 * therapist, pause and end (a pause holds the countdowns to reveals; resuming starts them again). The
 * other members ask it whether someone may act now, and whether the step a partner is on offers an act.
 */
public class Presence implements Serializable {

    private final SessionFacts session;
    private final RevealCountdowns countdowns;
    private final Set<String> present = new HashSet<>();
    /** The step each partner last moved to; none before their first move. */
    private final Map<String, String> steps = new HashMap<>();
    private final Set<String> observers = new HashSet<>();
    private boolean paused;
    private boolean ended;

    public Presence(SessionFacts session, RevealCountdowns countdowns) {
        this.session = session;
        this.countdowns = countdowns;
    }

    @CommandHandler
    public void handle(JoinSession command) {
        requireRunningAndPartner(command.partnerId());
        if (!present.contains(command.partnerId())) {
            apply(new PartnerJoinedSession(session.sessionId(), command.partnerId()));
        }
    }

    @CommandHandler
    public void handle(LeaveSession command, ItemLedger ledger) {
        requireRunningAndPartner(command.partnerId());
        require(present.contains(command.partnerId()), "not-present", "You are not in this session.");
        apply(new PartnerLeftSession(session.sessionId(), command.partnerId()));
        if (present.isEmpty()) {
            end(null, ledger);
        }
    }

    @CommandHandler
    public void handle(EndSession command, ItemLedger ledger) {
        requireRunningAndPartner(command.partnerId());
        end(command.partnerId(), ledger);
    }

    /** Ended by someone, or by everyone leaving: the bids still open are missed before the end. */
    private void end(String endedBy, ItemLedger ledger) {
        SessionBids.missOpenBids(session, ledger);
        apply(new SessionEnded(session.sessionId(), endedBy));
    }

    @CommandHandler
    public void handle(MoveToStep command) {
        requirePresent(command.partnerId());
        session.requireStep(command.step());
        apply(new PartnerMovedToStep(session.sessionId(), command.partnerId(), command.step()));
    }

    @CommandHandler
    public void handle(PauseSession command, ObservingTherapists consents) {
        requireRunningParticipant(command.byId(), consents);
        require(!paused, "already-paused", "The session is already paused.");
        apply(new SessionPaused(session.sessionId(), command.byId()));
    }

    /** Resuming starts again each countdown to a reveal that the pause held. */
    @CommandHandler
    public void handle(ResumeSession command, ObservingTherapists consents, DeadlineManager deadlines) {
        requireRunningParticipant(command.byId(), consents);
        require(paused, "not-paused", "The session is not paused.");
        apply(new SessionResumed(session.sessionId(), command.byId()));
        countdowns.resume(deadlines);
    }

    /** Both partners gone for long: the session waits for them, paused, rather than running on empty. */
    @CommandHandler
    public void handle(PauseSessionLeftAlone command) {
        if (!ended && !paused) {
            apply(new SessionPaused(session.sessionId(), null));
        }
    }

    @CommandHandler
    public void handle(JoinSessionAsTherapist command, ObservingTherapists consents) {
        // Who may ask first: a stranger learns nothing of the session, not even that it ended.
        require(consents.observes(session.coupleId(), command.therapistId()), "not-consented",
                "Only a therapist both partners consented to may observe this session.");
        requireRunning();
        // Always said, even if already observing: a withdrawn and renewed consent took the therapist
        // out of what the partners see, and they must see them back before the therapist acts.
        apply(new TherapistJoinedSession(session.sessionId(), command.therapistId()));
    }

    @CommandHandler
    public void handle(LeaveSessionAsTherapist command) {
        require(observers.contains(command.therapistId()), "not-observing", "You are not observing this session.");
        apply(new TherapistLeftSession(session.sessionId(), command.therapistId()));
    }

    // --- what the other members ask -------------------------------------------------------------

    public void requireRunning() {
        require(!ended, "session-ended", "This session has ended; nothing more can happen in it.");
    }

    /** Writing, sharing and acting: a present partner in a session that is neither ended nor paused. */
    public void requireActive(String partnerId) {
        requirePresent(partnerId);
        require(!paused, "session-paused", "The session is paused; resume it to go on.");
    }

    /** An act: an active partner, in an exercise that offers it, on a step that offers it. */
    public void requireAct(String partnerId, Act act) {
        requireActive(partnerId);
        require(session.exercise().offers(act), "not-in-this-exercise", "This exercise does not offer that.");
        boolean offeredHere = session.exercise().step(steps.get(partnerId)).map(step -> step.offers(act)).orElse(false);
        require(offeredHere, "not-offered-at-this-step",
                "The step you are on does not offer that: go to a step of the exercise that does.");
    }

    /** A therapist watching now: joined as an observer, and both partners still consent. */
    public boolean isObserving(String therapistId, ObservingTherapists consents) {
        return observers.contains(therapistId) && consents.observes(session.coupleId(), therapistId);
    }

    private void requireRunningAndPartner(String partnerId) {
        require(session.isPartner(partnerId), "not-a-partner", "Only the couple's two partners take part.");
        requireRunning();
    }

    private void requirePresent(String partnerId) {
        requireRunningAndPartner(partnerId);
        require(present.contains(partnerId), "not-present", "Join the session before acting in it.");
    }

    private void requireRunningParticipant(String actorId, ObservingTherapists consents) {
        // Whose it is first: someone else learns nothing of the session, not even that it ended.
        require(session.isPartner(actorId) || consents.observes(session.coupleId(), actorId), "not-a-partner",
                "Only the partners in the session, or its observing therapist, pause and resume it.");
        requireRunning();
        require(present.contains(actorId) || isObserving(actorId, consents), "not-present",
                "Only the partners in the session, or its observing therapist, pause and resume it.");
    }

    // --- state from events ----------------------------------------------------------------------

    @EventSourcingHandler
    void on(PartnerJoinedSession event) {
        present.add(event.partnerId());
    }

    @EventSourcingHandler
    void on(PartnerLeftSession event) {
        present.remove(event.partnerId());
    }

    @EventSourcingHandler
    void on(PartnerMovedToStep event) {
        steps.put(event.partnerId(), event.step());
    }

    @EventSourcingHandler
    void on(SessionPaused event) {
        paused = true;
    }

    @EventSourcingHandler
    void on(SessionResumed event) {
        paused = false;
    }

    @EventSourcingHandler
    void on(TherapistJoinedSession event) {
        observers.add(event.therapistId());
    }

    @EventSourcingHandler
    void on(TherapistLeftSession event) {
        observers.remove(event.therapistId());
    }

    @EventSourcingHandler
    void on(SessionEnded event) {
        ended = true;
        present.clear();
        observers.clear();
    }
}
