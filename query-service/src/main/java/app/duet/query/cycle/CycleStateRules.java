package app.duet.query.cycle;

import app.duet.api.commitment.CheckpointOutcome;
import app.duet.api.commitment.CheckpointReviewed;
import app.duet.api.commitment.HomeworkDone;
import app.duet.api.commitment.HomeworkSet;
import app.duet.api.commitment.AppointmentAttended;
import app.duet.api.commitment.AppointmentMissed;
import app.duet.api.pairing.CoupleCreated;
import app.duet.api.pairing.PartnerJoinedCouple;
import app.duet.api.cycle.EvidenceKind;
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
import app.duet.query.cycle.CycleStateDocument.Judged;
import app.duet.query.cycle.CycleStateDocument.Move;
import app.duet.query.cycle.CycleStateDocument.Pending;
import app.duet.query.cycle.CycleStateDocument.Ratio;
import org.axonframework.eventhandling.DomainEventMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static app.duet.query.cycle.CyclePhaseRules.judged;
import static app.duet.query.cycle.CyclePhaseRules.moment;
import static app.duet.query.cycle.PartnerFigureRules.answered;
import static app.duet.query.cycle.PartnerFigureRules.leaned;
import static app.duet.query.cycle.PartnerFigureRules.made;
import static app.duet.query.cycle.PartnerFigureRules.missed;
import static app.duet.query.cycle.PartnerFigureRules.shown;

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

    /** What applying a delivered event did. */
    public enum Applied {
        /** It was applied before: delivery is at least once. */
        BEFORE,
        /** Applied, but no figure changed (an answer not let out yet): nothing to push. */
        QUIETLY,
        /** A figure changed. */
        VISIBLY
    }

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

    /** A session counts for the phase once both partners have joined it: one started and left alone is no session together. */
    public void on(PartnerJoinedSession event, EvidenceRefView ref) {
        List<String> joined = state.joining.get(event.sessionId());
        if (joined == null || joined.contains(event.partnerId())) {
            return;
        }
        joined.add(event.partnerId());
        if (joined.size() == 2) {
            state.joining.remove(event.sessionId());
            judged(state, Judged.SESSION, 0, ref);
            state.touched++;
        }
    }

    // --- the therapist, who confirms turning points ---------------------------------------------

    /** Inviting a therapist is the inviting partner's consent. */
    public void on(TherapistInvited event, EvidenceRefView ref) {
        consented(event.therapistId(), event.invitedBy(), ref);
    }

    public void on(TherapistAccessGranted event, EvidenceRefView ref) {
        consented(event.therapistId(), event.consentedBy(), ref);
    }

    public void on(TherapistAccessWithdrawn event, EvidenceRefView ref) {
        boolean had = state.hasTherapist();
        state.therapistConsents.remove(event.therapistId());
        if (had != state.hasTherapist()) {
            state.touched++;
        }
    }

    /** Whether the couple has a therapist decides whether a turning point they report counts by itself. */
    private void consented(String therapistId, String partnerId, EvidenceRefView ref) {
        boolean had = state.hasTherapist();
        List<String> by = state.therapistConsents.computeIfAbsent(therapistId, id -> new ArrayList<>());
        if (!by.contains(partnerId)) {
            by.add(partnerId);
        }
        if (had != state.hasTherapist()) {
            state.touched++;
        }
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
        state.pending.put(key(event.sessionId(), event.authorId(), event.entryId()), event.link() == CycleLink.BEHAVIOUR
                ? Pending.behaviour(event.move() != null && event.move().pursuing(), ref) : Pending.link(ref));
    }

    /** A lean counts from the moment both can see it: at once between sessions, ... */
    public void on(LeanCheckedIn event, EvidenceRefView ref) {
        leaned(state, event.partnerId(), event.lean(), event.energy(), ref);
    }

    /** ... at the reveal in a session. */
    public void on(LeanRecorded event, EvidenceRefView ref) {
        state.pending.put(key(event.sessionId(), event.partnerId(), event.entryId()), Pending.lean(event.lean(), event.energy(), ref));
    }

    public void on(EntryShared event, EvidenceRefView ref) {
        becameVisible(event.sessionId(), event.authorId(), event.entryId(), ref);
    }

    public void on(AnswersRevealed event, EvidenceRefView ref) {
        event.entries().forEach(entry -> becameVisible(event.sessionId(), entry.authorId(), entry.entryId(), ref));
    }

    private void becameVisible(String sessionId, String authorId, String entryId, EvidenceRefView ref) {
        Pending answer = state.pending.remove(key(sessionId, authorId, entryId));
        if (answer != null) {
            PartnerFigureRules.becameVisible(state, answer, authorId, ref);
        }
    }

    // --- turning points -------------------------------------------------------------------------

    /**
     * A softening voiced. With a therapist following the couple it waits for their confirmation to count
     * at all (a warm moment, a turning point); without one it counts at once, as self-reported.
     */
    public void on(BlamerSoftened event, EvidenceRefView ref) {
        state.softenings++;
        state.lastSoftening = new Move(event.moveId(), event.partnerId(), event.sessionId(), ref.at(), ref, null,
                !state.hasTherapist());
        state.unconfirmedMoves.put(event.moveId(), state.lastSoftening);
        state.evidenceOnly(EvidenceKind.LAST_SOFTENING.figure(), List.of(ref));
        shown(state, event.partnerId(), true, ref, TimelineKind.SOFTENING, event.sessionId());
        if (state.lastSoftening.withoutTherapist()) {
            state.selfReportedSoftening = state.lastSoftening;
            moment(state, +1, ref, event.sessionId());
        }
    }

    /** A re-engagement voiced: as a softening, it counts once confirmed, or at once as self-reported without a therapist. */
    public void on(WithdrawerReengaged event, EvidenceRefView ref) {
        state.reengagements++;
        state.lastReengagement = new Move(event.moveId(), event.partnerId(), event.sessionId(), ref.at(), ref, null,
                !state.hasTherapist());
        state.unconfirmedMoves.put(event.moveId(), state.lastReengagement);
        state.evidenceOnly(EvidenceKind.LAST_REENGAGEMENT.figure(), List.of(ref));
        shown(state, event.partnerId(), false, ref, TimelineKind.RE_ENGAGEMENT, event.sessionId());
        if (state.lastReengagement.withoutTherapist()) {
            state.selfReportedReengagement = state.lastReengagement;
            moment(state, +1, ref, event.sessionId());
        }
    }

    /**
     * A therapist confirmed a softening or re-engagement: from now on it can move the phase. The last
     * one shows as confirmed only if it is that very move; an earlier one still counts as a turning point.
     */
    public void on(ChangeEventConfirmed event, EvidenceRefView ref) {
        Move move = state.unconfirmedMoves.remove(event.moveId());
        if (move == null) {
            return;
        }
        Move confirmed = move.confirmedBy(ref);
        boolean softening = event.change() == app.duet.api.exercise.ChangeEvent.BLAMER_SOFTENING;
        if (softening) {
            state.confirmedSoftening = latestOf(state.confirmedSoftening, confirmed);
        } else {
            state.confirmedReengagement = latestOf(state.confirmedReengagement, confirmed);
        }
        if (state.lastSoftening != null && state.lastSoftening.moveId().equals(event.moveId())) {
            state.lastSoftening = confirmed;
            state.evidence(EvidenceKind.LAST_SOFTENING.figure(), ref);
        } else if (state.lastReengagement != null && state.lastReengagement.moveId().equals(event.moveId())) {
            state.lastReengagement = confirmed;
            state.evidence(EvidenceKind.LAST_REENGAGEMENT.figure(), ref);
        }
        state.note(TimelineKind.CHANGE_EVENT_CONFIRMED, ref, event.partnerId(), event.sessionId());
        // A move made without a therapist was a warm moment when it was voiced; any other is one now.
        if (!move.withoutTherapist()) {
            moment(state, +1, ref, event.sessionId());
        }
    }

    private static Move latestOf(Move known, Move confirmed) {
        return known == null || !confirmed.at().isBefore(known.at()) ? confirmed : known;
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

    /**
     * Between sessions, the partner who committed to a step said how it went. It counts in keeping to
     * what was agreed, not as a moment between the two: one partner's reports alone must not warm the phase.
     */
    public void on(BabyStepFollowedUp event, EvidenceRefView ref) {
        state.babyStepFollowUps++;
        if (event.done()) {
            state.babyStepsDone++;
        }
        state.evidence(EvidenceKind.ADHERENCE.figure(), ref);
        state.note(event.done() ? TimelineKind.BABY_STEP_DONE : TimelineKind.BABY_STEP_NOT_DONE, ref, event.committedBy(),
                event.sessionId());
    }

    public void on(LetGoProposed event, EvidenceRefView ref) {
        state.openPacts.put(event.pactId(), event.proposedBy());
        state.evidence(EvidenceKind.RESENTMENTS.figure(), ref);
        state.note(TimelineKind.LET_GO_PROPOSED, ref, event.proposedBy(), event.sessionId());
    }

    public void on(ResentmentReleased event, EvidenceRefView ref) {
        state.openPacts.remove(event.pactId());
        state.resentmentsReleased++;
        state.evidence(EvidenceKind.RESENTMENTS.figure(), ref);
        state.note(TimelineKind.RESENTMENT_RELEASED, ref, event.agreedBy(), event.sessionId());
        moment(state, +1, ref, event.sessionId());
    }

    // --- signs of commitment --------------------------------------------------------------------

    public void on(HomeworkSet event, EvidenceRefView ref) {
        state.homeworkSet++;
        state.evidence(EvidenceKind.ADHERENCE.figure(), ref);
    }

    public void on(HomeworkDone event, EvidenceRefView ref) {
        state.homeworkDone++;
        state.evidence(EvidenceKind.ADHERENCE.figure(), ref);
        state.note(TimelineKind.HOMEWORK_DONE, ref, event.partnerId(), null);
        moment(state, +1, ref, null);
    }

    /** A check-point kept counts 1, partly kept 0.5, missed 0. */
    public void on(CheckpointReviewed event, EvidenceRefView ref) {
        state.checkpointsReviewed++;
        state.checkpointPoints += event.outcome() == CheckpointOutcome.KEPT ? 1.0
                : event.outcome() == CheckpointOutcome.PARTLY_KEPT ? 0.5 : 0.0;
        state.evidence(EvidenceKind.ADHERENCE.figure(), ref);
        state.note(TimelineKind.checkpoint(event.outcome()), ref, null, null);
        CycleStateDocument.Week week = state.week(ref.at());
        week.checkpointsReviewed++;
        week.checkpointsKept += event.outcome() == CheckpointOutcome.KEPT ? 1.0
                : event.outcome() == CheckpointOutcome.PARTLY_KEPT ? 0.5 : 0.0;
        moment(state, event.outcome() == CheckpointOutcome.MISSED ? -1 : +1, ref, null);
    }

    public void on(AppointmentAttended event, EvidenceRefView ref) {
        state.sessionsAttended += event.attendedBy().size();
        state.evidence(EvidenceKind.ADHERENCE.figure(), ref);
    }

    public void on(AppointmentMissed event, EvidenceRefView ref) {
        state.sessionsMissed++;
        state.evidence(EvidenceKind.ADHERENCE.figure(), ref);
        shown(state, event.partnerId(), false, ref, TimelineKind.APPOINTMENT_MISSED, null);
        moment(state, -1, ref, null);
    }

    /** Mongo field names may not contain dots; ids are UUID-like or chosen from letters, digits and dashes. */
    private static String key(String sessionId, String authorId, String entryId) {
        return sessionId + ":" + authorId + ":" + entryId;
    }
}
