package app.duet.query.cycle;

import app.duet.query.events.ViewsBuiltBy;
import app.duet.query.live.LiveViews;
import app.duet.access.Actor;
import app.duet.api.pairing.CoupleView;
import app.duet.api.pairing.FindCoupleMembers;
import app.duet.api.cycle.CycleStateView;
import app.duet.api.cycle.CycleTrendsView;
import app.duet.api.cycle.FindCycleTrends;
import app.duet.api.cycle.EvidenceRefView;
import app.duet.api.cycle.FindCycleEvidence;
import app.duet.api.cycle.FindCycleState;
import app.duet.query.access.ViewAccess;
import app.duet.query.live.ViewPages;
import app.duet.query.live.ViewShape;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

import static app.duet.query.live.ViewQueries.findOrNotFound;
import static app.duet.query.live.ViewQueries.findOrRefused;

/** A couple's cycle state and the events behind each of its figures, for the couple and their consented therapist. */
@RestController
@RequestMapping("/api/queries/couples/{coupleId}/cycle-state")
@Tag(name = "Cycle state", description = "The couple's negative cycle and how it is changing, rebuilt from events")
@ViewsBuiltBy({LiveViews.PROCESSING_GROUP, CycleStateProjection.PROCESSING_GROUP})
class CycleStateController {

    private final QueryGateway queries;
    private final ViewAccess access;

    CycleStateController(QueryGateway queries, ViewAccess access) {
        this.queries = queries;
        this.access = access;
    }

    @GetMapping
    @Operation(summary = "The couple's cycle state: phase, roles, bids turned toward against the research reference, ratios, lean gap, adherence, resentments, turning points, timeline")
    CycleStateView cycleState(@Parameter(hidden = true) Actor actor, @PathVariable String coupleId) {
        mayRead(actor, coupleId, "the cycle state");
        return ViewPages.window(state(coupleId), ViewShape.CYCLE_STATE);
    }

    @GetMapping("/lists/{list}")
    @Operation(summary = "A page of one of the cycle state's growing lists (sessions, leanGap, timeline, figures): "
            + "page 0 holds the newest items, as the state does (its newest " + ViewPages.WINDOW + "); items in the list's own order")
    ViewPages.ItemPage cycleList(@Parameter(hidden = true) Actor actor, @PathVariable String coupleId,
                                 @PathVariable String list,
                                 @RequestParam(defaultValue = "1") Integer page,
                                 @RequestParam(defaultValue = "" + ViewPages.WINDOW) Integer size) {
        ViewPages.check(ViewShape.CYCLE_STATE, list, page, size);
        mayRead(actor, coupleId, "the cycle state");
        return ViewPages.page(state(coupleId), ViewShape.CYCLE_STATE, list, page, size);
    }

    private CycleStateView state(String coupleId) {
        return findOrNotFound(queries, new FindCycleState(coupleId), CycleStateView.class, "cycle state of " + coupleId);
    }

    @GetMapping("/trends")
    @Operation(summary = "The couple's cycle week by week: bids turned toward per partner, lean gap, warm and hard "
            + "moments, check-points kept and the phase at each week's end")
    CycleTrendsView trends(@Parameter(hidden = true) Actor actor, @PathVariable String coupleId) {
        mayRead(actor, coupleId, "the cycle's trends");
        return findOrNotFound(queries, new FindCycleTrends(coupleId), CycleTrendsView.class, "cycle trends of " + coupleId);
    }

    @GetMapping("/evidence/{figure}")
    @Operation(summary = "The events behind one figure (its name as listed in the state's figures), in the order they happened")
    List<EvidenceRefView> evidence(@Parameter(hidden = true) Actor actor, @PathVariable String coupleId,
                               @PathVariable String figure) {
        mayRead(actor, coupleId, "the events behind " + figure);
        return queries.query(new FindCycleEvidence(coupleId, figure), ResponseTypes.multipleInstancesOf(EvidenceRefView.class))
                .join();
    }

    private void mayRead(Actor actor, String coupleId, String what) {
        access.requireMayRead(actor, findOrRefused(queries, new FindCoupleMembers(coupleId), CoupleView.class), ViewAccess.Via.REST, what);
    }
}
