package app.duet.query.analytics;

import app.duet.api.analytics.CohortView;
import app.duet.api.cycle.CycleStateView;
import app.duet.api.cycle.PartnerCycleView;
import app.duet.api.cycle.Phase;
import app.duet.api.cycle.ShareView;
import app.duet.api.cycle.SessionRatioView;
import app.duet.api.cycle.TimelineKind;
import app.duet.query.cycle.CycleStateDocument;
import app.duet.query.cycle.CycleStateStore;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Figures across couples for analysts, and the pseudonymised export: one row per couple under its
 * pseudonym, partners as A and B, counts and percentages only. No name, no id, no word of anyone's
 * leaves through here. An erased couple's row of the export is gone; its counts stay in the cohort's
 * totals, which no longer know whose they were.
 */
@Component
public class CohortAndExport {

    /** The export's columns, in order; the JSON Lines export uses the same names. */
    static final List<String> COLUMNS = List.of("couple", "phase", "phase_since", "sessions", "softenings",
            "reengagements", "resentments_open", "resentments_released", "a_declared_role", "a_shown_role",
            "a_bids_settled", "a_toward_percent", "a_last_lean", "b_declared_role", "b_shown_role", "b_bids_settled",
            "b_toward_percent", "b_last_lean", "lean_gap_latest", "checkpoints_percent", "homework_percent",
            "attendance_percent", "positive_moments", "negative_moments");

    // Jackson 3 writes dates as ISO-8601 text by default, which is what the export promises.
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The smallest group the cohort shows a figure of. */
    static final int MINIMUM_GROUP = 5;

    private final CycleStateStore store;
    private final PseudonymisedStates pseudonymised;
    private final CohortTallies tallies;

    public CohortAndExport(CycleStateStore store, PseudonymisedStates pseudonymised, CohortTallies tallies) {
        this.store = store;
        this.pseudonymised = pseudonymised;
        this.tallies = tallies;
    }

    /**
     * The cohort, from every couple's row of counts, erased couples' too ({@link CohortTallies}): so an
     * erasure changes no figure of it. Nothing at all below {@link #MINIMUM_GROUP} couples, and a total of
     * a group (sessions of one exercise, couples who reached a phase) only when at least that many are in it.
     */
    public CohortView cohort() {
        List<Map<String, Integer>> rows = tallies.all().stream().filter(row -> row.getOrDefault("paired", 0) > 0).toList();
        if (rows.size() < MINIMUM_GROUP) {
            return new CohortView(false, MINIMUM_GROUP, null, null, null, null, null, null);
        }
        Map<String, Integer> totals = new TreeMap<>();
        Map<String, Integer> couplesIn = new TreeMap<>();
        for (Map<String, Integer> row : rows) {
            row.forEach((name, count) -> {
                if (!name.equals("paired")) {
                    totals.merge(name, count, Integer::sum);
                    couplesIn.merge(name, 1, Integer::sum);
                }
            });
        }
        totals.keySet().removeIf(name -> couplesIn.get(name) < MINIMUM_GROUP);
        Map<Phase, Integer> reached = new EnumMap<>(Phase.class);
        // Every couple starts with not enough to go on.
        reached.put(Phase.NOT_ENOUGH_YET, rows.size());
        for (Phase phase : Phase.values()) {
            Integer count = totals.get("reached." + phase.name());
            if (count != null) {
                reached.put(phase, count);
            }
        }
        int minimum = store.thresholds().minimumForShare();
        return new CohortView(true, MINIMUM_GROUP, rows.size(), totals, reached,
                share(rows, minimum, row -> (double) row.getOrDefault("bids.TOWARD", 0), "bids.TOWARD", "bids.AWAY", "bids.AGAINST",
                        "bids.MISSED"),
                share(rows, minimum, row -> row.getOrDefault("checkpoints.KEPT", 0) + 0.5 * row.getOrDefault("checkpoints.PARTLY_KEPT", 0),
                        "checkpoints.KEPT", "checkpoints.PARTLY_KEPT", "checkpoints.MISSED"),
                share(rows, minimum, row -> (double) row.getOrDefault("appointments.attended", 0), "appointments.attended",
                        "appointments.missed"));
    }

    /**
     * A share across couples (a partly kept check-point counts half), shown only when at least the
     * minimum group of couples counted toward it.
     */
    private static ShareView share(List<Map<String, Integer>> rows, int minimum, Function<Map<String, Integer>, Double> counted,
                                   String... of) {
        double count = 0;
        int all = 0;
        int couples = 0;
        for (Map<String, Integer> row : rows) {
            int mine = Arrays.stream(of).mapToInt(name -> row.getOrDefault(name, 0)).sum();
            if (mine > 0) {
                couples++;
                all += mine;
                count += counted.apply(row);
            }
        }
        return couples < MINIMUM_GROUP ? null : ShareView.of(count, all, minimum);
    }

    public String csv() {
        StringBuilder out = new StringBuilder(String.join(",", COLUMNS)).append('\n');
        for (Map<String, Object> row : rows()) {
            out.append(row.values().stream().map(CohortAndExport::cell).collect(Collectors.joining(","))).append('\n');
        }
        return out.toString();
    }

    public String jsonLines() {
        StringBuilder out = new StringBuilder();
        for (Map<String, Object> row : rows()) {
            try {
                out.append(JSON.writeValueAsString(row)).append('\n');
            } catch (JacksonException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
        return out.toString();
    }

    private List<Map<String, Object>> rows() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (CycleStateView view : states()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("couple", view.coupleId());
            row.put("phase", view.phase());
            row.put("phase_since", view.phaseSince());
            row.put("sessions", view.sessions().size());
            row.put("softenings", view.timeline().stream().filter(t -> t.kind() == TimelineKind.SOFTENING).count());
            row.put("reengagements", view.timeline().stream().filter(t -> t.kind() == TimelineKind.RE_ENGAGEMENT).count());
            row.put("resentments_open", view.resentmentsOpen());
            row.put("resentments_released", view.resentmentsReleased());
            for (String side : List.of("A", "B")) {
                PartnerCycleView partner = view.partners().stream().filter(p -> side.equals(p.partnerId())).findFirst()
                        .orElse(null);
                String prefix = side.toLowerCase() + "_";
                row.put(prefix + "declared_role", partner == null ? null : partner.declaredRole());
                row.put(prefix + "shown_role", partner == null ? null : partner.shownRole());
                row.put(prefix + "bids_settled", partner == null ? null : partner.bids().towardShare().of());
                row.put(prefix + "toward_percent", partner == null ? null : partner.bids().towardShare().percent());
                row.put(prefix + "last_lean", partner == null ? null : partner.lastLean());
            }
            row.put("lean_gap_latest", view.leanGap().isEmpty() ? null : view.leanGap().get(view.leanGap().size() - 1).gap());
            row.put("checkpoints_percent", view.adherence().checkpointsKept().percent());
            row.put("homework_percent", view.adherence().homeworkDone().percent());
            row.put("attendance_percent", view.adherence().attendance().percent());
            row.put("positive_moments", view.sessions().stream().mapToInt(SessionRatioView::positive).sum());
            row.put("negative_moments", view.sessions().stream().mapToInt(SessionRatioView::negative).sum());
            rows.add(row);
        }
        return rows;
    }

    private List<CycleStateView> states() {
        List<CycleStateDocument> states = store.all(store.serving());
        return states.stream().filter(state -> state.partnerIds().size() == 2).map(pseudonymised::of)
                .sorted(java.util.Comparator.comparing(CycleStateView::coupleId)).toList();
    }

    /** Every cell is an enumeration, a number, a pseudonym or an instant: nothing needs more than plain CSV. */
    private static String cell(Object value) {
        return value == null ? "" : value.toString();
    }
}
