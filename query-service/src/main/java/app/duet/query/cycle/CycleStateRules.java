package app.duet.query.cycle;

import app.duet.api.commitment.CheckpointReviewed;
import app.duet.api.commitment.HomeworkDone;
import app.duet.api.commitment.HomeworkSet;
import app.duet.api.commitment.AppointmentAttended;
import app.duet.api.commitment.AppointmentMissed;
import app.duet.api.pairing.CoupleCreated;
import app.duet.api.pairing.PartnerJoinedCouple;
import app.duet.api.cycle.EvidenceRefView;
import app.duet.api.cycle.TimelineKind;
import app.duet.api.everyday.AppreciationExpressed;
import app.duet.api.everyday.EverydayBidAnswered;
import app.duet.api.everyday.EverydayBidMade;
import app.duet.api.consent.TherapistAccessGranted;
import app.duet.api.consent.TherapistAccessWithdrawn;
import app.duet.api.consent.TherapistInvited;
import app.duet.api.everyday.EverydayBidMissed;
import app.duet.api.exercise.BabyStepCommitted;
import app.duet.api.exercise.BabyStepFollowedUp;
import app.duet.api.session.BidMissed;
import app.duet.api.exercise.BlamerSoftened;
import app.duet.api.exercise.ChangeEventConfirmed;
import app.duet.api.exercise.CycleLink;
import app.duet.api.exercise.CycleLinkRecorded;
import app.duet.api.everyday.LeanCheckedIn;
import app.duet.api.exercise.LeanRecorded;
import app.duet.api.exercise.LetGoProposed;
import app.duet.api.exercise.ResentmentReleased;
import app.duet.api.exercise.WithdrawerReengaged;
import app.duet.api.session.AnswersRevealed;
import app.duet.api.session.BidAnswered;
import app.duet.api.session.BidMade;
import app.duet.api.session.EntryShared;
import app.duet.api.session.PartnerJoinedSession;
import app.duet.api.session.SessionStarted;
import app.duet.query.cycle.CycleStateDocument.Ratio;
import org.axonframework.eventhandling.DomainEventMessage;

import java.util.ArrayList;
import java.util.Map;
import java.util.Set;

import static app.duet.query.cycle.CyclePhaseRules.moment;
import static app.duet.query.cycle.PartnerFigureRules.answered;
import static app.duet.query.cycle.PartnerFigureRules.leaned;
import static app.duet.query.cycle.PartnerFigureRules.made;
import static app.duet.query.cycle.PartnerFigureRules.missed;

/**
 * The rules that turn a couple's events into its cycle state: one method per event, each changing
 * the document these rules were made for. Nothing else: no MongoDB, no clock, no framework, so the
 * projection, time travel and tests feed it the same way. It never sees a word: an answer counts
 * only once its author shared it or it was revealed, so the state shows nothing a partner has not
 * let out. Each figure lists the events behind it: only the event being applied, and only if it moved
 * that figure. After every event that moved a figure the phase is judged again ({@link CyclePhaseRules});
 * what several events share is in {@link PartnerFigureRules} (a partner's moves, bids, answers and leans).
 */
public final class CycleStateRules {

    /**
     * The version of these rules: raised whenever they would build a different state from the same
     * events, so states built by the rules before are rebuilt once (see {@code CycleRulesUpgrade}).
     * 2: not enough yet, windows, confirmed turning points, missed bids, exact evidence, weeks.
     */
    public static final int VERSION = 2;

    /**
     * What applying a delivered event did: nothing, as it was applied before (delivery is at least once);
     * applied quietly, changing no figure (an answer not let out yet), so nothing to push; or visibly.
     */
    public enum Applied { BEFORE, QUIETLY, VISIBLY }

    /** One event's rule. */
    @FunctionalInterface
    private interface Rule<E> {
        void apply(CycleStateRules rules, E event, EvidenceRefView ref);
    }

    /** The events the cycle state listens to; every other event changes nothing. */
    private static final Map<Class<?>, Rule<Object>> RULES = Map.ofEntries(
            rule(CoupleCreated.class, CycleStateRules::on), rule(PartnerJoinedCouple.class, CycleStateRules::on),
            rule(SessionStarted.class, CycleStateRules::on), rule(PartnerJoinedSession.class, CycleStateRules::on),
            rule(BidMade.class, CycleStateRules::on), rule(EverydayBidMade.class, CycleStateRules::on),
            rule(BidAnswered.class, CycleStateRules::on), rule(EverydayBidAnswered.class, CycleStateRules::on),
            rule(BidMissed.class, CycleStateRules::on), rule(EverydayBidMissed.class, CycleStateRules::on),
            rule(CycleLinkRecorded.class, CycleStateRules::on), rule(LeanCheckedIn.class, CycleStateRules::on),
            rule(LeanRecorded.class, CycleStateRules::on),
            rule(EntryShared.class, CycleStateRules::on), rule(AnswersRevealed.class, CycleStateRules::on),
            rule(BlamerSoftened.class, CycleStateRules::on), rule(WithdrawerReengaged.class, CycleStateRules::on),
            rule(ChangeEventConfirmed.class, CycleStateRules::on),
            rule(AppreciationExpressed.class, CycleStateRules::on), rule(BabyStepCommitted.class, CycleStateRules::on),
            rule(BabyStepFollowedUp.class, CycleStateRules::on),
            rule(TherapistInvited.class, CycleStateRules::on), rule(TherapistAccessGranted.class, CycleStateRules::on),
            rule(TherapistAccessWithdrawn.class, CycleStateRules::on),
            rule(LetGoProposed.class, CycleStateRules::on), rule(ResentmentReleased.class, CycleStateRules::on),
            rule(HomeworkSet.class, CycleStateRules::on), rule(HomeworkDone.class, CycleStateRules::on),
            rule(CheckpointReviewed.class, CycleStateRules::on), rule(AppointmentAttended.class, CycleStateRules::on),
            rule(AppointmentMissed.class, CycleStateRules::on));

    private static <E> Map.Entry<Class<?>, Rule<Object>> rule(Class<E> type, Rule<E> rule) {
        return Map.entry(type, (rules, event, ref) -> rule.apply(rules, type.cast(event), ref));
    }

    /** The events that have a rule. */
    static Set<Class<?>> events() {
        return RULES.keySet();
    }

    private final CycleStateDocument state;

    public CycleStateRules(CycleStateDocument state) {
        this.state = state;
    }

    /** Applies an event once however often it is delivered, as the projection and time travel both need. */
    public Applied applyOnce(DomainEventMessage<?> event) {
        String aggregate = event.getAggregateIdentifier();
        if (!state.applied.isNew(aggregate, event.getSequenceNumber())) {
            return Applied.BEFORE;
        }
        if (apply(event.getPayload(), CycleStateEvidence.refOf(event))) {
            state.applied.record(aggregate, event.getSequenceNumber());
            return Applied.VISIBLY;
        }
        state.applied.skip(aggregate, event.getSequenceNumber());
        return Applied.QUIETLY;
    }

    /**
     * Applies one event of the couple or of one of its sessions; says whether any figure changed.
     * Events that belong to no couple this state knows change nothing.
     */
    public boolean apply(Object event, EvidenceRefView ref) {
        Rule<Object> rule = RULES.get(event.getClass());
        if (rule == null) {
            return false;
        }
        int before = state.marks();
        rule.apply(this, event, ref);
        if (state.marks() == before) {
            return false;
        }
        CyclePhaseRules.judge(state, ref);
        return true;
    }

    // --- pairing and sessions -------------------------------------------------------------------

    public void on(CoupleCreated event, EvidenceRefView ref) {
        state.phaseSince = ref.at();
        state.addPartner(event.partnerId());
    }

    public void on(PartnerJoinedCouple event, EvidenceRefView ref) {
        state.addPartner(event.partnerId());
        state.note(TimelineKind.PAIRED, ref, event.partnerId(), null);
    }

    public void on(SessionStarted event, EvidenceRefView ref) {
        state.sessionIds.add(event.sessionId());
        state.ratios.put(event.sessionId(), new Ratio(event.sessionId(), event.exercise(), 0, 0));
        state.note(TimelineKind.SESSION_STARTED, ref, event.startedBy(), event.sessionId());
        state.joining.put(event.sessionId(), new ArrayList<>());
    }

    /** A session counts for the phase once both partners have joined it. */
    public void on(PartnerJoinedSession event, EvidenceRefView ref) {
        CyclePhaseRules.joined(state, event.sessionId(), event.partnerId(), ref);
    }

    // --- the therapist, who confirms turning points (TurningPointRules) ---------------------------

    /** Inviting a therapist is the inviting partner's consent. */
    public void on(TherapistInvited event, EvidenceRefView ref) {
        TurningPointRules.invited(state, event, ref);
    }

    public void on(TherapistAccessGranted event, EvidenceRefView ref) {
        TurningPointRules.granted(state, event, ref);
    }

    public void on(TherapistAccessWithdrawn event, EvidenceRefView ref) {
        TurningPointRules.withdrawn(state, event, ref);
    }

    // --- bids -----------------------------------------------------------------------------------

    public void on(BidMade event, EvidenceRefView ref) {
        made(state, event.fromPartnerId(), event.toPartnerId(), ref, event.sessionId());
    }

    public void on(EverydayBidMade event, EvidenceRefView ref) {
        made(state, event.fromPartnerId(), event.toPartnerId(), ref, null);
    }

    public void on(BidAnswered event, EvidenceRefView ref) {
        answered(state, event.byPartnerId(), event.response(), event.sessionId(), ref);
    }

    public void on(EverydayBidAnswered event, EvidenceRefView ref) {
        answered(state, event.byPartnerId(), event.response(), null, ref);
    }

    public void on(BidMissed event, EvidenceRefView ref) {
        missed(state, event.toPartnerId(), event.sessionId(), ref);
    }

    public void on(EverydayBidMissed event, EvidenceRefView ref) {
        missed(state, event.toPartnerId(), null, ref);
    }

    // --- answers, counted once both partners can see them ---------------------------------------

    public void on(CycleLinkRecorded event, EvidenceRefView ref) {
        PartnerFigureRules.held(state, event.sessionId(), event.authorId(), event.entryId(), event.link() == CycleLink.BEHAVIOUR
                ? HeldAnswer.behaviour(event.move() != null && event.move().pursuing(), ref) : HeldAnswer.link(ref));
    }

    /** A lean counts from the moment both can see it: at once between sessions, ... */
    public void on(LeanCheckedIn event, EvidenceRefView ref) {
        leaned(state, event.partnerId(), event.lean(), event.energy(), ref);
    }

    /** ... at the reveal in a session. */
    public void on(LeanRecorded event, EvidenceRefView ref) {
        PartnerFigureRules.held(state, event.sessionId(), event.partnerId(), event.entryId(),
                HeldAnswer.lean(event.lean(), event.energy(), ref));
    }

    public void on(EntryShared event, EvidenceRefView ref) {
        PartnerFigureRules.letOut(state, event.sessionId(), event.authorId(), event.entryId(), ref);
    }

    public void on(AnswersRevealed event, EvidenceRefView ref) {
        event.entries().forEach(entry -> PartnerFigureRules.letOut(state, event.sessionId(), entry.authorId(), entry.entryId(), ref));
    }

    // --- turning points (TurningPointRules) -----------------------------------------------------

    public void on(BlamerSoftened event, EvidenceRefView ref) {
        TurningPointRules.softened(state, event, ref);
    }

    public void on(WithdrawerReengaged event, EvidenceRefView ref) {
        TurningPointRules.reengaged(state, event, ref);
    }

    public void on(ChangeEventConfirmed event, EvidenceRefView ref) {
        TurningPointRules.confirmed(state, event, ref);
    }

    // --- warmth and resentments -----------------------------------------------------------------

    public void on(AppreciationExpressed event, EvidenceRefView ref) {
        state.note(TimelineKind.APPRECIATION, ref, event.fromPartnerId(), null);
        moment(state, +1, ref, null);
    }

    public void on(BabyStepCommitted event, EvidenceRefView ref) {
        state.note(TimelineKind.BABY_STEP_COMMITTED, ref, event.committedBy(), event.sessionId());
        moment(state, +1, ref, event.sessionId());
    }

    public void on(BabyStepFollowedUp event, EvidenceRefView ref) {
        CommitmentRules.followedUp(state, event, ref);
    }

    public void on(LetGoProposed event, EvidenceRefView ref) {
        CommitmentRules.letGoProposed(state, event, ref);
    }

    public void on(ResentmentReleased event, EvidenceRefView ref) {
        CommitmentRules.released(state, event, ref);
    }

    // --- signs of commitment (CommitmentRules) --------------------------------------------------

    public void on(HomeworkSet event, EvidenceRefView ref) {
        CommitmentRules.homeworkSet(state, event, ref);
    }

    public void on(HomeworkDone event, EvidenceRefView ref) {
        CommitmentRules.homeworkDone(state, event, ref);
    }

    public void on(CheckpointReviewed event, EvidenceRefView ref) {
        CommitmentRules.checkpointReviewed(state, event, ref);
    }

    public void on(AppointmentAttended event, EvidenceRefView ref) {
        CommitmentRules.attended(state, event, ref);
    }

    public void on(AppointmentMissed event, EvidenceRefView ref) {
        CommitmentRules.appointmentMissed(state, event, ref);
    }
}
