package app.duet.query.cycle;

import app.duet.api.cycle.EvidenceKind;
import app.duet.api.cycle.EvidenceRefView;
import app.duet.api.cycle.Phase;
import app.duet.api.cycle.TimelineKind;
import app.duet.query.cycle.CycleStateDocument.Move;
import app.duet.query.cycle.CycleStateDocument.Ratio;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of the phase: what it is judged on, over which window, and in which order the phases are
 * decided. The phase is judged after every event that moved a figure, over the couple's history in the
 * window ({@link CycleThresholds#phaseWindow()}, in whole days UTC) that ends with that event's day: so
 * it changes only when something happens, and time travel to any instant gives what the live view said then.
 */
final class CyclePhaseRules {

    /**
     * How many of the window's latest events a change of phase names. The window's counts are kept per
     * day, so neither what is stored nor what each event costs grows with how busy a couple is.
     */
    static final int NAMED_EVENTS = 50;
    /** How many of the window's latest events are kept to choose those from, of every kind. */
    static final int KEPT_EVENTS = 2 * NAMED_EVENTS;

    private CyclePhaseRules() {
    }

    /** A warm (+1) or hard (-1) moment: it counts in its session's ratio, its week, and the phase's window. */
    static void moment(CycleStateDocument state, int sign, EvidenceRefView ref, String sessionId) {
        judged(state, Judged.MOMENT, sign, ref);
        TrendWeek week = state.week(ref.at());
        if (sign > 0) {
            week.warm++;
        } else {
            week.hard++;
        }
        if (sessionId != null && state.ratios.containsKey(sessionId)) {
            Ratio ratio = state.ratios.get(sessionId);
            state.ratios.put(sessionId, new Ratio(sessionId, ratio.exercise(), ratio.positive() + (sign > 0 ? 1 : 0),
                    ratio.negative() + (sign < 0 ? 1 : 0)));
            state.evidence(EvidenceKind.SESSION_RATIO.figure(sessionId), ref);
        }
    }

    /** A session counts once both partners have joined it: one started and left alone is no session together. */
    static void joined(CycleStateDocument state, String sessionId, String partnerId, EvidenceRefView ref) {
        List<String> joined = state.joining.get(sessionId);
        if (joined == null || joined.contains(partnerId)) {
            return;
        }
        joined.add(partnerId);
        if (joined.size() == 2) {
            state.joining.remove(sessionId);
            judged(state, Judged.SESSION, 0, ref);
            state.touched++;
        }
    }

    /** A lean a partner let the other see: the phase needs check-ins from each partner. */
    static void checkedIn(CycleStateDocument state, String partnerId, EvidenceRefView ref) {
        judged(state, Judged.CHECK_IN, 0, ref);
        state.days.get(dayOf(ref.at()).toString()).checkInsBy.merge(partnerId, 1, Integer::sum);
    }

    /** Something else the phase is judged on: a session both joined, a bid settled. */
    static void judged(CycleStateDocument state, String what, int sign, EvidenceRefView ref) {
        state.window.add(new Judged(what, sign, ref));
        if (state.window.size() > KEPT_EVENTS) {
            state.window.remove(0);
        }
        WindowDay day = state.days.computeIfAbsent(dayOf(ref.at()).toString(), k -> new WindowDay());
        switch (what) {
            case Judged.SESSION -> day.sessions++;
            case Judged.CHECK_IN -> { }
            case Judged.SETTLED_BID -> day.settledBids++;
            default -> {
                if (sign > 0) {
                    day.warm++;
                } else {
                    day.hard++;
                }
            }
        }
    }

    private static java.time.LocalDate dayOf(Instant at) {
        return at.atZone(java.time.ZoneOffset.UTC).toLocalDate();
    }

    /** The window's first instant: the start of the day (UTC) as many days back as the window is long, counting the latest's. */
    static Instant windowStart(CycleStateDocument state) {
        long days = Math.max(1, state.thresholds.phaseWindow().toDays());
        return dayOf(state.latestEvidenceAt).minusDays(days - 1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    }

    /** What the window holds now. */
    record Window(Instant from, int sessions, int checkIns, int settledBids, int warm, int hard) {

        static Window of(CycleStateDocument state) {
            int sessions = 0;
            int bids = 0;
            int warm = 0;
            int hard = 0;
            java.util.Map<String, Integer> checkIns = new java.util.HashMap<>();
            for (WindowDay day : state.days.values()) {
                sessions += day.sessions;
                day.checkInsBy.forEach((partner, count) -> checkIns.merge(partner, count, Integer::sum));
                bids += day.settledBids;
                warm += day.warm;
                hard += day.hard;
            }
            // Check-ins count as many as the partner who checked in least made: both are needed.
            int fromEach = state.partnerIds.size() < 2 ? 0
                    : state.partnerIds.stream().mapToInt(id -> checkIns.getOrDefault(id, 0)).min().orElse(0);
            return new Window(state.latestEvidenceAt == null ? null : windowStart(state), sessions, fromEach, bids, warm, hard);
        }

        boolean enough(CycleThresholds t) {
            return sessions >= t.sessionsForPhase() && checkIns >= t.checkInsForPhase() && settledBids >= t.settledBidsForPhase();
        }
    }

    /**
     * After an event that moved a figure: the window now ends at it, what fell out of it is forgotten,
     * and the phase is judged again; the week the event fell in ends in that phase (so far).
     */
    static void judge(CycleStateDocument state, EvidenceRefView ref) {
        if (state.latestEvidenceAt == null || ref.at().isAfter(state.latestEvidenceAt)) {
            state.latestEvidenceAt = ref.at();
        }
        Instant from = windowStart(state);
        state.window.removeIf(judged -> judged.ref().at().isBefore(from));
        String firstDay = dayOf(from).toString();
        state.days.keySet().removeIf(day -> day.compareTo(firstDay) < 0);
        decidePhase(state, ref);
        state.week(ref.at()).phase = state.phase;
    }

    /**
     * The phase, decided in this order. Not enough yet, while the window lacks the sessions, check-ins
     * or settled bids a judgement needs. Escalated, when hard moments outweigh warm ones (a relapse
     * outranks everything else). Connected, when a softening and a re-engagement were both confirmed by
     * a therapist and warm moments outnumber hard ones by the ratio. Otherwise the latest turning point
     * names it: confirmed ones only, or, for a couple without a therapist, one they reported themselves
     * (marked as such). Otherwise de-escalating, once both named their side of the loop or warm moments
     * outweigh hard ones; otherwise escalated. A change is a timeline entry naming the events behind it.
     */
    static void decidePhase(CycleStateDocument state, EvidenceRefView ref) {
        CycleThresholds t = state.thresholds;
        Window window = Window.of(state);
        List<EvidenceRefView> why = new ArrayList<>();
        Phase next;
        boolean selfReported = false;
        Move turningPoint = latest(state.confirmedSoftening, state.confirmedReengagement);
        if (turningPoint == null && !state.hasTherapist()) {
            turningPoint = latest(state.selfReportedSoftening, state.selfReportedReengagement);
            selfReported = turningPoint != null;
        }
        if (!window.enough(t)) {
            next = Phase.NOT_ENOUGH_YET;
            selfReported = false;
            why.addAll(named(state, judged -> !judged.isMoment()));
        } else if (window.hard() > window.warm()) {
            next = Phase.ESCALATED;
            selfReported = false;
            why.addAll(named(state, judged -> judged.isMoment() && judged.sign() < 0));
        } else if (state.confirmedSoftening != null && state.confirmedReengagement != null
                && window.warm() >= t.warmPerHardToConnect() * Math.max(1, window.hard())) {
            next = Phase.CONNECTED;
            selfReported = false;
            why.addAll(named(state, Judged::isMoment));
            why.addAll(refsOf(state.confirmedSoftening));
            why.addAll(refsOf(state.confirmedReengagement));
        } else if (turningPoint != null) {
            // latest() hands back one of the two it was given, so identity says which kind it is.
            boolean softening = selfReported ? turningPoint == state.selfReportedSoftening : turningPoint == state.confirmedSoftening;
            next = softening ? Phase.SOFTENING : Phase.RE_ENGAGING;
            why.addAll(refsOf(turningPoint));
        } else if (state.partners.size() == 2 && state.partners.values().stream().allMatch(p -> p.namedTheLoop)) {
            next = Phase.DE_ESCALATING;
            why.addAll(state.evidenceOf(EvidenceKind.NAMED_THE_LOOP.figure()));
        } else if (window.warm() > window.hard()) {
            next = Phase.DE_ESCALATING;
            why.addAll(named(state, judged -> judged.isMoment() && judged.sign() > 0));
        } else {
            next = Phase.ESCALATED;
            why.addAll(named(state, Judged::isMoment));
        }
        state.selfReported = selfReported;
        if (next != state.phase) {
            state.phase = next;
            state.phaseSince = ref.at();
            why.add(ref);
            String figure = EvidenceKind.PHASE_CHANGE.figure(ref.eventId());
            state.evidenceOnly(EvidenceKind.PHASE.figure(), why);
            state.evidenceOnly(figure, why);
            state.notePhase(TimelineKind.phaseChangedTo(next), ref, figure);
        }
    }

    /** The latest of the window's events of one kind that decided the phase, at most {@link #NAMED_EVENTS}. */
    private static List<EvidenceRefView> named(CycleStateDocument state, java.util.function.Predicate<Judged> deciding) {
        List<EvidenceRefView> refs = state.window.stream().filter(deciding).map(Judged::ref).toList();
        return refs.subList(Math.max(0, refs.size() - NAMED_EVENTS), refs.size());
    }

    private static Move latest(Move softening, Move reengagement) {
        if (softening == null || reengagement == null) {
            return softening != null ? softening : reengagement;
        }
        return softening.at().isBefore(reengagement.at()) ? reengagement : softening;
    }

    private static List<EvidenceRefView> refsOf(Move move) {
        List<EvidenceRefView> refs = new ArrayList<>();
        if (move.made() != null) {
            refs.add(move.made());
        }
        if (move.confirmedBy() != null) {
            refs.add(move.confirmedBy());
        }
        return refs;
    }
}
