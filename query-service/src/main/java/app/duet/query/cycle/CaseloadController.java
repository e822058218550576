package app.duet.query.cycle;

import app.duet.query.events.ViewsBuiltBy;
import app.duet.query.live.LiveViews;
import app.duet.access.Actor;
import app.duet.api.access.Role;
import app.duet.api.pairing.CoupleView;
import app.duet.api.cycle.FindCaseload;
import app.duet.api.session.SessionSummaryView;
import app.duet.api.cycle.CaseloadEntryView;
import app.duet.api.cycle.CycleStateView;
import app.duet.api.cycle.Phase;
import app.duet.api.cycle.TimelineItemView;
import app.duet.api.cycle.TimelineKind;
import app.duet.api.session.SessionStatus;
import app.duet.query.access.ViewAccess;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The therapist's caseload: the couples who consent to them, and at a glance each one's last and
 * running session, phase and trend.
 */
@RestController
@Tag(name = "Cycle state", description = "The couple's negative cycle and how it is changing, rebuilt from events")
@ViewsBuiltBy({LiveViews.PROCESSING_GROUP, CycleStateProjection.PROCESSING_GROUP})
class CaseloadController {

    /**
     * How far along toward connection each phase is; softening and re-engaging are the same distance.
     * "Not enough yet" is no distance at all: a move into or out of it is no trend.
     */
    private static final Map<Phase, Integer> RANK = Map.of(Phase.ESCALATED, 0, Phase.DE_ESCALATING, 1,
            Phase.RE_ENGAGING, 2, Phase.SOFTENING, 2, Phase.CONNECTED, 3);

    private final QueryGateway queries;
    private final CycleStateStore states;
    private final ViewAccess access;

    CaseloadController(QueryGateway queries, CycleStateStore states, ViewAccess access) {
        this.queries = queries;
        this.states = states;
        this.access = access;
    }

    @GetMapping("/api/queries/my/caseload")
    @ViewsBuiltBy(LiveViews.PROCESSING_GROUP)
    @Operation(summary = "The couples who consented to the signed-in therapist observing them")
    List<CoupleView> myCaseload(@Parameter(hidden = true) Actor actor) {
        actor.require(Role.THERAPIST);
        List<CoupleView> caseload = queries.query(new FindCaseload(actor.id()),
                ResponseTypes.multipleInstancesOf(CoupleView.class)).join();
        // A consent withdrawn a moment ago may not have reached the caseload yet: that couple is left out.
        return caseload.stream().filter(couple -> access.mayRead(actor, couple, ViewAccess.Via.REST)).toList();
    }

    @GetMapping("/api/queries/my/caseload/overview")
    @Operation(summary = "For the signed-in therapist: each consenting couple's last and running session, phase and trend")
    List<CaseloadEntryView> overview(@Parameter(hidden = true) Actor actor) {
        actor.require(Role.THERAPIST);
        List<CoupleView> caseload = queries.query(new FindCaseload(actor.id()),
                ResponseTypes.multipleInstancesOf(CoupleView.class)).join();
        // A consent withdrawn a moment ago may not have reached the caseload yet: that couple is left out.
        return caseload.stream().filter(couple -> access.mayRead(actor, couple, ViewAccess.Via.REST)).map(couple -> {
            SessionSummaryView last = couple.sessions().stream().max(Comparator.comparing(SessionSummaryView::startedAt)).orElse(null);
            String running = couple.sessions().stream().filter(s -> s.status() == SessionStatus.RUNNING)
                    .map(SessionSummaryView::sessionId).findFirst().orElse(null);
            CycleStateView cycle = states.find(states.serving(), couple.coupleId()).map(CycleStateDocument::toView).orElse(null);
            return new CaseloadEntryView(couple.coupleId(), couple.partners(), last == null ? null : last.startedAt(),
                    last == null ? null : last.exercise(), running, cycle == null ? null : cycle.phase(),
                    cycle == null ? null : cycle.phaseSince(), cycle == null ? CaseloadEntryView.Trend.STEADY : trend(cycle));
        }).toList();
    }

    /** Compares the phase with the last one before it that stood at another distance from connection. */
    static CaseloadEntryView.Trend trend(CycleStateView cycle) {
        List<Phase> changes = cycle.timeline().stream().map(TimelineItemView::kind).map(TimelineKind::phaseReached)
                .filter(Objects::nonNull).filter(RANK::containsKey).toList();
        if (!RANK.containsKey(cycle.phase()) || changes.isEmpty()) {
            return CaseloadEntryView.Trend.STEADY;
        }
        int now = RANK.get(cycle.phase());
        for (int i = changes.size() - 2; i >= 0; i--) {
            int before = RANK.get(changes.get(i));
            if (before != now) {
                return before < now ? CaseloadEntryView.Trend.IMPROVING : CaseloadEntryView.Trend.WORSENING;
            }
        }
        return CaseloadEntryView.Trend.STEADY;
    }
}
