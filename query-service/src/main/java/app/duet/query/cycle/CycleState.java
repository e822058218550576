package app.duet.query.cycle;

import app.duet.api.commitment.CheckpointOutcome;
import app.duet.api.commitment.CheckpointReviewed;
import app.duet.api.commitment.HomeworkDone;
import app.duet.api.commitment.HomeworkSet;
import app.duet.api.commitment.SessionAttended;
import app.duet.api.commitment.SessionMissed;
import app.duet.api.couple.CoupleCreated;
import app.duet.api.couple.PartnerJoinedCouple;
import app.duet.api.cycle.AdherenceView;
import app.duet.api.cycle.CycleRole;
import app.duet.api.cycle.CycleStateView;
import app.duet.api.cycle.EvidenceRef;
import app.duet.api.cycle.GottmanReference;
import app.duet.api.cycle.LeanGapPoint;
import app.duet.api.cycle.MoveRef;
import app.duet.api.cycle.PartnerCycleView;
import app.duet.api.cycle.Phase;
import app.duet.api.cycle.SessionRatioView;
import app.duet.api.cycle.TimelineItem;
import app.duet.api.everyday.AppreciationExpressed;
import app.duet.api.everyday.EverydayBidAnswered;
import app.duet.api.everyday.EverydayBidMade;
import app.duet.api.exercise.BabyStepCommitted;
import app.duet.api.exercise.BlamerSoftened;
import app.duet.api.exercise.ChangeEventConfirmed;
import app.duet.api.exercise.CycleLink;
import app.duet.api.exercise.CycleLinkRecorded;
import app.duet.api.exercise.Lean;
import app.duet.api.exercise.LeanCheckedIn;
import app.duet.api.exercise.LetGoProposed;
import app.duet.api.exercise.ResentmentReleased;
import app.duet.api.exercise.WithdrawerReengaged;
import app.duet.api.session.AnswersRevealed;
import app.duet.api.session.BidAnswered;
import app.duet.api.session.BidMade;
import app.duet.api.session.BidResponse;
import app.duet.api.session.EntryShared;
import app.duet.api.session.Exercise;
import app.duet.api.session.SessionStarted;
import app.duet.query.live.AppliedEvents;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A couple's cycle state: the rules that turn the couple's events into figures, and the figures as
 * stored. The projection feeds it every event once; time travel feeds a fresh one the events up to
 * an instant. It never sees a word: answers count only once their author shared them or they were
 * revealed, so the state shows nothing a partner has not let out. Each figure keeps the events
 * behind it.
 */
@Document("cycle_states")
public class CycleState {

    /** How many of the latest positive and negative moments the phase weighs. */
    static final int WINDOW = 20;
    /** Positive to negative moments a connected couple keeps (Gottman's ratio during conflict). */
    static final int CONNECTED_RATIO = 5;

    /** One partner's counts, by partner id. */
    public static class PartnerFigures {
        int declaredPursuing;
        int declaredWithdrawing;
        int shownPursuing;
        int shownWithdrawing;
        int bidsAnswered;
        int bidsTurnedToward;
        Lean lastLean;
        Integer lastEnergy;
        boolean namedTheLoop;
    }

    /** What an answer not yet visible would count for, once shared or revealed. */
    record Pending(String kind, boolean pursuing, Lean lean, Integer energy, EvidenceRef ref) {
    }

    /** A positive (+1) or negative (-1) moment, with the event it came from. */
    record Moment(int sign, EvidenceRef ref) {
    }

    record Ratio(String sessionId, Exercise exercise, int positive, int negative) {
    }

    record Move(String moveId, String partnerId, String sessionId, Instant at, boolean confirmed) {
    }

    @Id
    private String coupleId;
    private List<String> partnerIds = new ArrayList<>();
    @Indexed
    private List<String> sessionIds = new ArrayList<>();
    private Map<String, Exercise> exercises = new LinkedHashMap<>();
    private Map<String, PartnerFigures> partners = new LinkedHashMap<>();
    private Map<String, Pending> pending = new LinkedHashMap<>();
    private List<Moment> window = new ArrayList<>();
    private Map<String, Ratio> ratios = new LinkedHashMap<>();
    private List<LeanGapPoint> leanGap = new ArrayList<>();
    private int checkpointsReviewed;
    private double checkpointPoints;
    private int homeworkSet;
    private int homeworkDone;
    private int sessionsAttended;
    private int sessionsMissed;
    private Map<String, String> openPacts = new LinkedHashMap<>();
    private int resentmentsReleased;
    private int softenings;
    private int reengagements;
    private Move lastSoftening;
    private Move lastReengagement;
    private Phase phase = Phase.ESCALATED;
    private Instant phaseSince;
    private List<TimelineItem> timeline = new ArrayList<>();
    private Map<String, List<EvidenceRef>> evidence = new LinkedHashMap<>();
    private AppliedEvents applied = new AppliedEvents();

    protected CycleState() {
    }

    public CycleState(String coupleId) {
        this.coupleId = coupleId;
    }

    /** What applying a delivered event did. */
    public enum Applied {
        /** It was applied before: delivery is at least once. */
        BEFORE,
        /** Applied, but no figure changed (an answer not let out yet): nothing to push. */
        QUIETLY,
        /** A figure changed. */
        VISIBLY
    }

    /** Applies an event once however often it is delivered, as the projection and time travel both need. */
    public Applied applyOnce(DomainEventMessage<?> event) {
        String aggregate = event.getAggregateIdentifier();
        if (!applied.isNew(aggregate, event.getSequenceNumber())) {
            return Applied.BEFORE;
        }
        if (apply(event.getPayload(), CycleStateEvidence.refOf(event))) {
            applied.record(aggregate, event.getSequenceNumber());
            return Applied.VISIBLY;
        }
        applied.skip(aggregate, event.getSequenceNumber());
        return Applied.QUIETLY;
    }

    /**
     * Applies one event of the couple or of one of its sessions; says whether any figure changed.
     * Events that belong to no couple this state knows change nothing.
     */
    public boolean apply(Object event, EvidenceRef ref) {
        int before = timeline.size() + evidence.values().stream().mapToInt(List::size).sum();
        if (event instanceof CoupleCreated created) {
            phaseSince = ref.at();
            addPartner(created.partnerId());
        } else if (event instanceof PartnerJoinedCouple joined) {
            addPartner(joined.partnerId());
            note(ref, "paired", joined.partnerId(), null);
        } else if (event instanceof SessionStarted started) {
            sessionIds.add(started.sessionId());
            exercises.put(started.sessionId(), started.exercise());
            ratios.put(started.sessionId(), new Ratio(started.sessionId(), started.exercise(), 0, 0));
            note(ref, "session-started", started.startedBy(), started.sessionId());
        } else if (event instanceof BidMade bid) {
            shown(bid.fromPartnerId(), true, ref, "bid-made", bid.sessionId());
        } else if (event instanceof EverydayBidMade bid) {
            shown(bid.fromPartnerId(), true, ref, "bid-made", null);
        } else if (event instanceof BidAnswered answer) {
            answered(answer.byPartnerId(), answer.response(), answer.sessionId(), ref);
        } else if (event instanceof EverydayBidAnswered answer) {
            answered(answer.byPartnerId(), answer.response(), null, ref);
        } else if (event instanceof CycleLinkRecorded link) {
            pending.put(key(link.sessionId(), link.authorId(), link.entryId()), new Pending(
                    link.link() == CycleLink.BEHAVIOUR ? "behaviour" : "link",
                    link.move() != null && link.move().pursuing(), null, null, ref));
        } else if (event instanceof LeanCheckedIn lean) {
            if (lean.sessionId() == null) {
                leaned(lean.partnerId(), lean.lean(), lean.energy(), ref, null);
            } else {
                pending.put(key(lean.sessionId(), lean.partnerId(), lean.checkInId()),
                        new Pending("lean", false, lean.lean(), lean.energy(), ref));
            }
        } else if (event instanceof EntryShared shared) {
            becameVisible(shared.sessionId(), shared.authorId(), shared.entryId(), ref);
        } else if (event instanceof AnswersRevealed revealed) {
            revealed.entries().forEach(entry -> becameVisible(revealed.sessionId(), entry.authorId(), entry.entryId(), ref));
        } else if (event instanceof BlamerSoftened softened) {
            softenings++;
            lastSoftening = new Move(softened.moveId(), softened.partnerId(), softened.sessionId(), ref.at(), false);
            evidence.put("last-softening", new ArrayList<>(List.of(ref)));
            shown(softened.partnerId(), true, ref, "softening", softened.sessionId());
            moment(+1, ref, softened.sessionId());
        } else if (event instanceof WithdrawerReengaged reengaged) {
            reengagements++;
            lastReengagement = new Move(reengaged.moveId(), reengaged.partnerId(), reengaged.sessionId(), ref.at(), false);
            evidence.put("last-reengagement", new ArrayList<>(List.of(ref)));
            shown(reengaged.partnerId(), false, ref, "re-engagement", reengaged.sessionId());
            moment(+1, ref, reengaged.sessionId());
        } else if (event instanceof ChangeEventConfirmed confirmed) {
            confirm(confirmed, ref);
        } else if (event instanceof AppreciationExpressed appreciation) {
            note(ref, "appreciation", appreciation.fromPartnerId(), null);
            moment(+1, ref, null);
        } else if (event instanceof BabyStepCommitted step) {
            note(ref, "baby-step-committed", step.committedBy(), step.sessionId());
            moment(+1, ref, step.sessionId());
        } else if (event instanceof LetGoProposed proposed) {
            openPacts.put(proposed.pactId(), proposed.proposedBy());
            evidence(ref, "resentments");
            note(ref, "let-go-proposed", proposed.proposedBy(), proposed.sessionId());
        } else if (event instanceof ResentmentReleased released) {
            openPacts.remove(released.pactId());
            resentmentsReleased++;
            evidence(ref, "resentments");
            note(ref, "resentment-released", released.agreedBy(), released.sessionId());
            moment(+1, ref, released.sessionId());
        } else if (event instanceof HomeworkSet) {
            homeworkSet++;
            evidence(ref, "adherence");
        } else if (event instanceof HomeworkDone done) {
            homeworkDone++;
            evidence(ref, "adherence");
            note(ref, "homework-done", done.partnerId(), null);
            moment(+1, ref, null);
        } else if (event instanceof CheckpointReviewed review) {
            checkpointsReviewed++;
            checkpointPoints += switch (review.outcome()) {
                case KEPT -> 1.0;
                case PARTLY_KEPT -> 0.5;
                case MISSED -> 0.0;
            };
            evidence(ref, "adherence");
            note(ref, "checkpoint-" + review.outcome().name().toLowerCase().replace('_', '-'), null, null);
            moment(review.outcome() == CheckpointOutcome.MISSED ? -1 : +1, ref, null);
        } else if (event instanceof SessionAttended attended) {
            sessionsAttended += attended.attendedBy().size();
            evidence(ref, "adherence");
        } else if (event instanceof SessionMissed missed) {
            sessionsMissed++;
            evidence(ref, "adherence");
            shown(missed.partnerId(), false, ref, "session-missed", null);
            moment(-1, ref, null);
        }
        return timeline.size() + evidence.values().stream().mapToInt(List::size).sum() != before;
    }

    // --- the rules ------------------------------------------------------------------------------

    private void addPartner(String partnerId) {
        if (!partnerIds.contains(partnerId)) {
            partnerIds.add(partnerId);
            partners.put(partnerId, new PartnerFigures());
        }
    }

    private void answered(String responder, BidResponse response, String sessionId, EvidenceRef ref) {
        PartnerFigures figures = figures(responder);
        figures.bidsAnswered++;
        if (response == BidResponse.TOWARD) {
            figures.bidsTurnedToward++;
        }
        evidence(ref, "bids-toward:" + responder);
        switch (response) {
            case TOWARD -> moment(+1, ref, sessionId);
            case AWAY -> {
                shown(responder, false, ref, "bid-turned-away", sessionId);
                moment(-1, ref, sessionId);
            }
            case AGAINST -> {
                shown(responder, true, ref, "bid-turned-against", sessionId);
                moment(-1, ref, sessionId);
            }
        }
        if (response == BidResponse.TOWARD) {
            note(ref, "bid-turned-toward", responder, sessionId);
        }
    }

    /** A pursuing or withdrawing move the partner made, as their behaviour shows it. */
    private void shown(String partnerId, boolean pursuing, EvidenceRef ref, String kind, String sessionId) {
        PartnerFigures figures = figures(partnerId);
        if (pursuing) {
            figures.shownPursuing++;
        } else {
            figures.shownWithdrawing++;
        }
        evidence(ref, "shown-role:" + partnerId);
        note(ref, kind, partnerId, sessionId);
    }

    private void becameVisible(String sessionId, String authorId, String entryId, EvidenceRef ref) {
        Pending answer = pending.remove(key(sessionId, authorId, entryId));
        if (answer == null) {
            return;
        }
        PartnerFigures figures = figures(authorId);
        switch (answer.kind()) {
            case "behaviour" -> {
                if (answer.pursuing()) {
                    figures.declaredPursuing++;
                } else {
                    figures.declaredWithdrawing++;
                }
                evidence.computeIfAbsent("declared-role:" + authorId, k -> new ArrayList<>()).addAll(List.of(answer.ref(), ref));
                namedTheLoop(authorId, answer.ref(), ref);
            }
            case "link" -> namedTheLoop(authorId, answer.ref(), ref);
            case "lean" -> leaned(authorId, answer.lean(), answer.energy(), answer.ref(), ref);
            default -> {
            }
        }
    }

    private void namedTheLoop(String partnerId, EvidenceRef written, EvidenceRef shown) {
        PartnerFigures figures = figures(partnerId);
        if (!figures.namedTheLoop) {
            figures.namedTheLoop = true;
            evidence.computeIfAbsent("named-the-loop", k -> new ArrayList<>()).addAll(List.of(written, shown));
            note(shown, "named-their-side", partnerId, null);
            decidePhase(shown);
        }
    }

    /** A lean counts from the moment both can see it: at once between sessions, at the reveal in a session. */
    private void leaned(String partnerId, Lean lean, Integer energy, EvidenceRef written, EvidenceRef shownBy) {
        PartnerFigures figures = figures(partnerId);
        figures.lastLean = lean;
        figures.lastEnergy = energy;
        EvidenceRef at = shownBy == null ? written : shownBy;
        if (shownBy != null) {
            evidence(written, "shown-role:" + partnerId);
            evidence(written, "lean-gap");
        }
        if (lean == Lean.IN) {
            shown(partnerId, true, at, "leaned-in", null);
        } else if (lean == Lean.OUT) {
            shown(partnerId, false, at, "leaned-out", null);
        } else {
            note(at, "leaned-back", partnerId, null);
        }
        evidence(at, "lean-gap");
        if (partnerIds.size() == 2 && partners.values().stream().allMatch(p -> p.lastLean != null)) {
            int gap = Math.abs(score(partners.get(partnerIds.get(0)).lastLean) - score(partners.get(partnerIds.get(1)).lastLean));
            leanGap.add(new LeanGapPoint(at.at(), gap));
        }
    }

    private static int score(Lean lean) {
        return switch (lean) {
            case IN -> 2;
            case BACK -> 1;
            case OUT -> 0;
        };
    }

    /** A confirmation counts for the last softening or re-engagement only if it is that very move. */
    private void confirm(ChangeEventConfirmed confirmed, EvidenceRef ref) {
        if (lastSoftening != null && lastSoftening.moveId().equals(confirmed.moveId())) {
            lastSoftening = new Move(lastSoftening.moveId(), lastSoftening.partnerId(), lastSoftening.sessionId(),
                    lastSoftening.at(), true);
            evidence(ref, "last-softening");
        } else if (lastReengagement != null && lastReengagement.moveId().equals(confirmed.moveId())) {
            lastReengagement = new Move(lastReengagement.moveId(), lastReengagement.partnerId(),
                    lastReengagement.sessionId(), lastReengagement.at(), true);
            evidence(ref, "last-reengagement");
        }
        note(ref, "change-event-confirmed", confirmed.partnerId(), confirmed.sessionId());
    }

    /** A positive or negative moment: it counts in its session's ratio and in the phase's window. */
    private void moment(int sign, EvidenceRef ref, String sessionId) {
        window.add(new Moment(sign, ref));
        if (window.size() > WINDOW) {
            window.remove(0);
        }
        if (sessionId != null && ratios.containsKey(sessionId)) {
            Ratio ratio = ratios.get(sessionId);
            ratios.put(sessionId, new Ratio(sessionId, ratio.exercise(), ratio.positive() + (sign > 0 ? 1 : 0),
                    ratio.negative() + (sign < 0 ? 1 : 0)));
            evidence(ref, "session-ratio:" + sessionId);
        }
        decidePhase(ref);
    }

    /**
     * The phase, decided in this order: a relapse (negative moments outweigh positive ones among
     * at least three recent ones) is escalated; both turning points with at least five positive
     * moments to each negative one is connected; otherwise the latest turning point names the
     * phase; otherwise de-escalating once both named their side of the loop or positive moments
     * outweigh negative ones; otherwise escalated.
     */
    private void decidePhase(EvidenceRef ref) {
        long positive = window.stream().filter(m -> m.sign() > 0).count();
        long negative = window.size() - positive;
        Phase next;
        if (window.size() >= 3 && negative > positive) {
            next = Phase.ESCALATED;
        } else if (softenings > 0 && reengagements > 0 && positive >= CONNECTED_RATIO * Math.max(1, negative)) {
            next = Phase.CONNECTED;
        } else if (lastSoftening != null || lastReengagement != null) {
            next = lastReengagement == null || (lastSoftening != null && !lastSoftening.at().isBefore(lastReengagement.at()))
                    ? Phase.SOFTENING : Phase.RE_ENGAGING;
        } else if ((partners.size() == 2 && partners.values().stream().allMatch(p -> p.namedTheLoop))
                || (window.size() >= 3 && positive > negative)) {
            next = Phase.DE_ESCALATING;
        } else {
            next = Phase.ESCALATED;
        }
        if (next != phase) {
            phase = next;
            phaseSince = ref.at();
            List<EvidenceRef> why = new ArrayList<>(window.stream().map(Moment::ref).toList());
            evidence.getOrDefault("named-the-loop", List.of()).forEach(why::add);
            evidence.getOrDefault("last-softening", List.of()).forEach(why::add);
            evidence.getOrDefault("last-reengagement", List.of()).forEach(why::add);
            if (!why.contains(ref)) {
                why.add(ref);
            }
            evidence.put("phase", why);
            note(ref, "phase-" + next.name().toLowerCase().replace('_', '-'), null, null);
        }
    }

    private PartnerFigures figures(String partnerId) {
        return partners.computeIfAbsent(partnerId, id -> {
            partnerIds.add(id);
            return new PartnerFigures();
        });
    }

    private void evidence(EvidenceRef ref, String figure) {
        List<EvidenceRef> refs = evidence.computeIfAbsent(figure, k -> new ArrayList<>());
        if (!refs.contains(ref)) {
            refs.add(ref);
        }
    }

    private void note(EvidenceRef ref, String kind, String partnerId, String sessionId) {
        timeline.add(new TimelineItem(ref.at(), kind, partnerId, sessionId, ref.eventId()));
    }

    /** Mongo field names may not contain dots; ids are UUID-like or chosen from letters, digits and dashes. */
    private static String key(String sessionId, String authorId, String entryId) {
        return sessionId + ":" + authorId + ":" + entryId;
    }

    // --- reading it -----------------------------------------------------------------------------

    public String coupleId() {
        return coupleId;
    }

    public List<String> sessionIds() {
        return sessionIds;
    }

    public List<String> partnerIds() {
        return partnerIds;
    }

    public Phase phase() {
        return phase;
    }

    public AppliedEvents applied() {
        return applied;
    }

    /** The events behind one figure, in the order they happened. */
    public List<EvidenceRef> evidenceFor(String figure) {
        return evidence.getOrDefault(figure, List.of());
    }

    public CycleStateView toView() {
        GottmanReference reference = GottmanReference.BIDS_TURNED_TOWARD;
        List<PartnerCycleView> partnerViews = partnerIds.stream().map(id -> {
            PartnerFigures f = partners.get(id);
            Integer toward = f.bidsAnswered == 0 ? null : Math.round(100f * f.bidsTurnedToward / f.bidsAnswered);
            return new PartnerCycleView(id, role(f.declaredPursuing, f.declaredWithdrawing),
                    role(f.shownPursuing, f.shownWithdrawing), f.shownPursuing, f.shownWithdrawing, f.bidsAnswered,
                    f.bidsTurnedToward, toward, toward == null ? null : reference.band(toward), f.lastLean,
                    f.lastEnergy);
        }).toList();
        int homeworkDue = homeworkSet * Math.max(1, partnerIds.size());
        AdherenceView adherence = new AdherenceView(checkpointsReviewed,
                checkpointsReviewed == 0 ? null : (int) Math.round(100 * checkpointPoints / checkpointsReviewed),
                homeworkSet, homeworkDone, homeworkSet == 0 ? null : Math.round(100f * homeworkDone / homeworkDue),
                sessionsAttended, sessionsMissed, sessionsAttended + sessionsMissed == 0 ? null
                : Math.round(100f * sessionsAttended / (sessionsAttended + sessionsMissed)));
        return new CycleStateView(coupleId, phase, phaseSince, partnerViews, reference,
                ratios.values().stream().map(r -> new SessionRatioView(r.sessionId(), r.exercise(), r.positive(),
                        r.negative())).toList(),
                List.copyOf(leanGap), adherence, openPacts.size(), resentmentsReleased, moveRef(lastSoftening),
                moveRef(lastReengagement), List.copyOf(timeline), List.copyOf(evidence.keySet()), applied.version());
    }

    private static MoveRef moveRef(Move move) {
        return move == null ? null : new MoveRef(move.partnerId(), move.sessionId(), move.at(), move.confirmed());
    }

    private static CycleRole role(int pursuing, int withdrawing) {
        if (pursuing > withdrawing) {
            return CycleRole.PURSUER;
        }
        if (withdrawing > pursuing) {
            return CycleRole.WITHDRAWER;
        }
        return CycleRole.UNCLEAR;
    }
}
