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

    /** One partner's counts, by partner id. Bids are those made to them, as they settled them. */
    static class PartnerFigures {
        int declaredPursuing;
        int declaredWithdrawing;
        int shownPursuing;
        int shownWithdrawing;
        int bidsMadeTo;
        int toward;
        int away;
        int against;
        int missed;
        Lean lastLean;
        Integer lastEnergy;
        boolean namedTheLoop;

        int settled() {
            return toward + away + against + missed;
        }
    }

    record Ratio(String sessionId, Exercise exercise, int positive, int negative) {
    }

    /**
     * A softening or re-engagement, the event that made it, the one that confirmed it (null until a
     * therapist does), and whether it was voiced while no therapist followed the couple (self-reported).
     */
    record Move(String moveId, String partnerId, String sessionId, Instant at, EvidenceRefView made,
                EvidenceRefView confirmedBy, boolean withoutTherapist) {

        boolean confirmed() {
            return confirmedBy != null;
        }

        Move confirmedBy(EvidenceRefView confirmation) {
            return new Move(moveId, partnerId, sessionId, at, made, confirmation, withoutTherapist);
        }
    }

    /** A moment on the timeline, its kind by wire name (see {@link TimelineKind}); a change of phase names its figure. */
    record Noted(Instant at, String kind, String partnerId, String sessionId, String eventId, String figure) {
    }

    @Id
    String coupleId;
    List<String> partnerIds = new ArrayList<>();
    @Indexed
    List<String> sessionIds = new ArrayList<>();
    Map<String, PartnerFigures> partners = new LinkedHashMap<>();
    Map<String, HeldAnswer> pending = new LinkedHashMap<>();
    /** The latest of what the phase is judged on, oldest first, within the window: the events a change of phase names. */
    List<Judged> window = new ArrayList<>();
    /** The window's counts, day by day (UTC), as far back as it reaches from {@link #latestEvidenceAt}. */
    Map<String, WindowDay> days = new LinkedHashMap<>();
    /** Sessions not both partners have joined yet, with who has: a session counts for the phase once both have. */
    Map<String, List<String>> joining = new LinkedHashMap<>();
    Instant latestEvidenceAt;
    Map<String, Ratio> ratios = new LinkedHashMap<>();
    List<LeanGapPointView> leanGap = new ArrayList<>();
    int checkpointsReviewed;
    double checkpointPoints;
    int homeworkSet;
    int homeworkDone;
    int sessionsAttended;
    int sessionsMissed;
    int babyStepFollowUps;
    int babyStepsDone;
    Map<String, String> openPacts = new LinkedHashMap<>();
    int resentmentsReleased;
    int softenings;
    int reengagements;
    Move lastSoftening;
    Move lastReengagement;
    /** Softenings and re-engagements not confirmed yet, by move id: a therapist may confirm an earlier one. */
    Map<String, Move> unconfirmedMoves = new LinkedHashMap<>();
    /** The latest softening and re-engagement a therapist confirmed. */
    Move confirmedSoftening;
    Move confirmedReengagement;
    /** The latest softening and re-engagement voiced while no therapist followed the couple: self-reported. */
    Move selfReportedSoftening;
    Move selfReportedReengagement;
    /** The partners who consented to each therapist: the couple has a therapist once both have. */
    Map<String, List<String>> therapistConsents = new LinkedHashMap<>();
    Phase phase = Phase.NOT_ENOUGH_YET;
    Instant phaseSince;
    /** Whether the phase rests on a turning point the couple reported without a therapist to confirm it. */
    boolean selfReported;
    /** Week by week, by the week's Monday. */
    Map<String, TrendWeek> weeks = new LinkedHashMap<>();
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
    /** The thresholds the rules and the view use: the defaults, or those of the store that read this state. */
    @Transient
    CycleThresholds thresholds = CycleThresholds.DEFAULTS;
    AppliedEvents applied = new AppliedEvents();
    /** Changes this event made that leave no mark (a therapist now there, or no longer): they count as a change. */
    @Transient
    int touched;

    protected CycleStateDocument() {
    }

    public CycleStateDocument(String coupleId) {
        this.coupleId = coupleId;
    }

    public CycleStateDocument(String coupleId, CycleThresholds thresholds) {
        this.coupleId = coupleId;
        this.thresholds = thresholds;
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
        timeline.add(new Noted(ref.at(), kind.wireName(), partnerId, sessionId, ref.eventId(), null));
    }

    /** A change of phase, with the figure that lists the events behind it. */
    void notePhase(TimelineKind kind, EvidenceRefView ref, String figure) {
        timeline.add(new Noted(ref.at(), kind.wireName(), null, null, ref.eventId(), figure));
    }

    /** Whether both partners consented to a therapist, who may then confirm turning points. */
    boolean hasTherapist() {
        return partnerIds.size() == 2 && therapistConsents.values().stream().anyMatch(by -> by.containsAll(partnerIds));
    }

    /** The week an instant falls in, by its Monday (UTC). */
    TrendWeek week(Instant at) {
        String monday = at.atZone(java.time.ZoneOffset.UTC).toLocalDate()
                .with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY)).toString();
        return weeks.computeIfAbsent(monday, k -> new TrendWeek());
    }

    /**
     * Lists the event being applied behind a figure it moved, once. The rules offer only the event being
     * applied, never an earlier one, so each list is in the order events happened; an event is applied
     * once ({@link #applied}), so only this change can offer it twice. The stored marks are therefore not
     * asked, which would be a query per event growing with the couple's history.
     */
    void evidence(String figure, EvidenceRefView ref) {
        figures.add(figure);
        List<EvidenceRefView> refs = evidence.computeIfAbsent(figure, k -> new ArrayList<>());
        if (refs.stream().noneMatch(listed -> listed.eventId().equals(ref.eventId()))) {
            refs.add(ref);
        }
    }

    /** Lists only these events behind a figure, forgetting those before: each once, in the order they happened. */
    void evidenceOnly(String figure, List<EvidenceRefView> refs) {
        figures.add(figure);
        replacedFigures.add(figure);
        evidence.put(figure, inOrderOnce(refs));
    }

    /** Each event once, ordered by when it happened (events of the same instant keep the order given). */
    static List<EvidenceRefView> inOrderOnce(List<EvidenceRefView> refs) {
        Map<String, EvidenceRefView> once = new LinkedHashMap<>();
        refs.forEach(ref -> once.putIfAbsent(ref.eventId(), ref));
        List<EvidenceRefView> ordered = new ArrayList<>(once.values());
        ordered.sort(java.util.Comparator.comparing(EvidenceRefView::at));
        return ordered;
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
        return touched + timeline.size() + evidence.values().stream().mapToInt(List::size).sum();
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

    public CycleThresholds thresholds() {
        return thresholds;
    }

    /** The couple's cycle week by week. */
    public app.duet.api.cycle.CycleTrendsView trends() {
        return CycleTrends.of(this);
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
