package app.duet.query.cycle;

import app.duet.api.cycle.CycleStateView;
import app.duet.api.cycle.EvidenceKind;
import app.duet.api.cycle.EvidenceRefView;
import app.duet.api.cycle.LeanGapPointView;
import app.duet.api.cycle.Phase;
import app.duet.api.cycle.TimelineKind;
import app.duet.api.exercise.Lean;
import app.duet.api.session.Exercise;
import app.duet.query.live.AppliedEvents;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Transient;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A couple's cycle state as stored: the counts and marks {@link CycleStateRules} keep from the
 * couple's events, and the events behind each figure. Only the rules change it (its fields are
 * theirs, in this package); {@link CycleStateViews} reads it into the view clients get. Kinds are
 * kept by their wire names, so documents stored before they were enums read the same.
 */
@Document("cycle_states")
public class CycleStateDocument {

    /** One partner's counts, by partner id. */
    static class PartnerFigures {
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
    record Pending(String kind, boolean pursuing, Lean lean, Integer energy, EvidenceRefView ref) {

        private static final String BEHAVIOUR = "behaviour";
        private static final String LINK = "link";
        private static final String LEAN = "lean";

        /** A behaviour link of the loop: it declares a move, pursuing or withdrawing. */
        static Pending behaviour(boolean pursuing, EvidenceRefView ref) {
            return new Pending(BEHAVIOUR, pursuing, null, null, ref);
        }

        /** Any other link of the loop. */
        static Pending link(EvidenceRefView ref) {
            return new Pending(LINK, false, null, null, ref);
        }

        /** A lean checked in during a session. */
        static Pending lean(Lean lean, Integer energy, EvidenceRefView ref) {
            return new Pending(LEAN, false, lean, energy, ref);
        }

        boolean isBehaviour() {
            return BEHAVIOUR.equals(kind);
        }

        boolean isLink() {
            return LINK.equals(kind);
        }

        boolean isLean() {
            return LEAN.equals(kind);
        }
    }

    /** A positive (+1) or negative (-1) moment, with the event it came from. */
    record Moment(int sign, EvidenceRefView ref) {
    }

    record Ratio(String sessionId, Exercise exercise, int positive, int negative) {
    }

    /** A softening or re-engagement, and whether a therapist confirmed it. */
    record Move(String moveId, String partnerId, String sessionId, Instant at, boolean confirmed) {

        Move asConfirmed() {
            return new Move(moveId, partnerId, sessionId, at, true);
        }
    }

    /** A moment on the timeline, its kind by wire name (see {@link TimelineKind}). */
    record Noted(Instant at, String kind, String partnerId, String sessionId, String eventId) {
    }

    @Id
    String coupleId;
    List<String> partnerIds = new ArrayList<>();
    @Indexed
    List<String> sessionIds = new ArrayList<>();
    Map<String, PartnerFigures> partners = new LinkedHashMap<>();
    Map<String, Pending> pending = new LinkedHashMap<>();
    List<Moment> window = new ArrayList<>();
    Map<String, Ratio> ratios = new LinkedHashMap<>();
    List<LeanGapPointView> leanGap = new ArrayList<>();
    int checkpointsReviewed;
    double checkpointPoints;
    int homeworkSet;
    int homeworkDone;
    int sessionsAttended;
    int sessionsMissed;
    Map<String, String> openPacts = new LinkedHashMap<>();
    int resentmentsReleased;
    int softenings;
    int reengagements;
    Move lastSoftening;
    Move lastReengagement;
    Phase phase = Phase.ESCALATED;
    Instant phaseSince;
    /**
     * Timeline moments and the events behind figures grow with the couple's whole history, so they are
     * stored apart, one document each ({@link CycleStateMarks}). Here are only those not stored there
     * yet: the ones this change added (all of them while a state lives only in memory, as in time
     * travel), or ones an earlier build kept in this document; {@link CycleStateStore#save} moves them out.
     */
    List<Noted> timeline = new ArrayList<>();
    /** The events behind each figure not stored apart yet, by the figure's name (see {@link EvidenceKind}). */
    Map<String, List<EvidenceRefView>> evidence = new LinkedHashMap<>();
    /** Figures whose stored events this change replaces with those in {@link #evidence}. */
    Set<String> replacedFigures = new LinkedHashSet<>();
    /** Every figure that lists events, in the order each first did. */
    Set<String> figures = new LinkedHashSet<>();
    /** How many marks were stored apart: the order of the next one. */
    long marksStored;
    /** The marks stored apart, read when asked for; none for a state that lives only in memory. */
    @Transient
    CycleStateMarks.Reader stored = CycleStateMarks.Reader.NONE;
    AppliedEvents applied = new AppliedEvents();

    protected CycleStateDocument() {
    }

    public CycleStateDocument(String coupleId) {
        this.coupleId = coupleId;
    }

    // --- what the rules write -------------------------------------------------------------------

    void addPartner(String partnerId) {
        if (!partnerIds.contains(partnerId)) {
            partnerIds.add(partnerId);
            partners.put(partnerId, new PartnerFigures());
        }
    }

    /** A partner's counts; a partner first seen in a session's events is added. */
    PartnerFigures figures(String partnerId) {
        return partners.computeIfAbsent(partnerId, id -> {
            partnerIds.add(id);
            return new PartnerFigures();
        });
    }

    void note(TimelineKind kind, EvidenceRefView ref, String partnerId, String sessionId) {
        timeline.add(new Noted(ref.at(), kind.wireName(), partnerId, sessionId, ref.eventId()));
    }

    /**
     * Lists the event behind a figure, once. Only this change can offer an event twice: an event is
     * applied once ({@link #applied}), and an earlier event comes back only as an answer let out,
     * which leaves {@link #pending} as it does. So the stored marks are not asked, which would be a
     * query per event growing with the couple's history.
     */
    void evidence(String figure, EvidenceRefView ref) {
        figures.add(figure);
        List<EvidenceRefView> refs = evidence.computeIfAbsent(figure, k -> new ArrayList<>());
        if (!refs.contains(ref)) {
            refs.add(ref);
        }
    }

    /** Lists the events behind a figure as they come, the same one again if it counts again. */
    void evidenceEach(String figure, EvidenceRefView... refs) {
        figures.add(figure);
        evidence.computeIfAbsent(figure, k -> new ArrayList<>()).addAll(List.of(refs));
    }

    /** Lists only these events behind a figure, forgetting those before. */
    void evidenceOnly(String figure, List<EvidenceRefView> refs) {
        figures.add(figure);
        replacedFigures.add(figure);
        evidence.put(figure, new ArrayList<>(refs));
    }

    List<EvidenceRefView> evidenceOf(String figure) {
        List<EvidenceRefView> added = evidence.getOrDefault(figure, List.of());
        if (replacedFigures.contains(figure)) {
            return added;
        }
        List<EvidenceRefView> all = new ArrayList<>(stored.evidence(figure));
        all.addAll(added);
        return all;
    }

    /** How many marks this change added, on the timeline and behind figures: a change shows as a change in this. */
    int marks() {
        return timeline.size() + evidence.values().stream().mapToInt(List::size).sum();
    }

    /** The whole timeline: what is stored apart, then what is not yet. */
    List<Noted> wholeTimeline() {
        List<Noted> all = new ArrayList<>(stored.timeline());
        all.addAll(timeline);
        return all;
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
    public List<EvidenceRefView> evidenceFor(String figure) {
        return evidenceOf(figure);
    }

    /** The whole view, its timeline read from where it is stored. */
    public CycleStateView toView() {
        return CycleStateViews.of(this, wholeTimeline());
    }

    /** The view with only the timeline moments this change added: what a push compares, without reading the rest. */
    CycleStateView changedPart() {
        return CycleStateViews.of(this, timeline);
    }
}
