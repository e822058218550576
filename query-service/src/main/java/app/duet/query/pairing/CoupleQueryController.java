package app.duet.query.pairing;

import app.duet.query.events.ViewsBuiltBy;
import app.duet.query.live.LiveViews;
import app.duet.api.pairing.CoupleView;
import app.duet.api.pairing.FindCouple;
import app.duet.api.pairing.FindCoupleOfPartner;
import app.duet.access.Actor;
import app.duet.query.access.ViewAccess;
import app.duet.query.live.ViewPages;
import app.duet.query.live.ViewShape;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static app.duet.query.live.ViewQueries.findOrNotFound;
import static app.duet.query.live.ViewQueries.findOrRefused;

/** Couple overviews over REST: what a client loads first, and again whenever it sees a gap. */
@RestController
@RequestMapping("/api/queries")
@Tag(name = "Couples", description = "Couple overviews")
@ViewsBuiltBy(LiveViews.PROCESSING_GROUP)
class CoupleQueryController {

    private final QueryGateway queries;
    private final ViewAccess access;

    CoupleQueryController(QueryGateway queries, ViewAccess access) {
        this.queries = queries;
        this.access = access;
    }

    @GetMapping("/couples/{coupleId}")
    @Operation(summary = "A couple's overview (each growing list its newest " + ViewPages.WINDOW + " items): partners, invitation, sessions, therapists, bids, check-ins, appreciations, shared list items, homework, commitments, attendance, baby steps and their follow-ups (for its partners and a consented therapist)")
    CoupleView couple(@Parameter(hidden = true) Actor actor, @PathVariable String coupleId) {
        return ViewPages.window(readable(actor, coupleId), ViewShape.COUPLE);
    }

    @GetMapping("/couples/{coupleId}/lists/{list}")
    @Operation(summary = "A page of one of the couple overview's growing lists (sessions, everydayBids, checkIns, "
            + "appreciations, sharedLists, homework, commitments, attendance, babySteps, babyStepFollowUps): page 0 holds the newest items, as the "
            + "overview does (its newest " + ViewPages.WINDOW + "); items in the list's own order")
    ViewPages.ItemPage coupleList(@Parameter(hidden = true) Actor actor, @PathVariable String coupleId,
                                  @PathVariable String list,
                                  @RequestParam(defaultValue = "1") Integer page,
                                  @RequestParam(defaultValue = "" + ViewPages.WINDOW) Integer size) {
        ViewPages.check(ViewShape.COUPLE, list, page, size);
        return ViewPages.page(readable(actor, coupleId), ViewShape.COUPLE, list, page, size);
    }

    private CoupleView readable(Actor actor, String coupleId) {
        return access.requireMayRead(actor,
                findOrRefused(queries, new FindCouple(coupleId), CoupleView.class),
                ViewAccess.Via.REST);
    }

    @GetMapping("/my/couple")
    @Operation(summary = "The overview of the couple the signed-in partner belongs to")
    CoupleView myCouple(@Parameter(hidden = true) Actor actor) {
        return ViewPages.window(findOrNotFound(queries, new FindCoupleOfPartner(actor.id()), CoupleView.class,
                "couple of yours"), ViewShape.COUPLE);
    }
}
