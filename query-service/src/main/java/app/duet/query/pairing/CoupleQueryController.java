package app.duet.query.pairing;

import app.duet.query.events.ViewsBuiltBy;
import app.duet.query.live.LiveViews;
import app.duet.api.pairing.CoupleView;
import app.duet.api.pairing.FindCouple;
import app.duet.api.pairing.FindCoupleOfPartner;
import app.duet.access.Actor;
import app.duet.query.access.ViewAccess;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static app.duet.query.live.ViewQueries.findOrNotFound;

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
    @Operation(summary = "A couple's overview: partners, invitation, sessions, therapists, bids, check-ins, appreciations, shared list items, homework, commitments, attendance (for its partners and a consented therapist)")
    CoupleView couple(@Parameter(hidden = true) Actor actor, @PathVariable String coupleId) {
        return access.requireMayRead(actor,
                findOrNotFound(queries, new FindCouple(coupleId), CoupleView.class, "couple " + coupleId),
                ViewAccess.Via.REST);
    }

    @GetMapping("/my/couple")
    @Operation(summary = "The overview of the couple the signed-in partner belongs to")
    CoupleView myCouple(@Parameter(hidden = true) Actor actor) {
        return findOrNotFound(queries, new FindCoupleOfPartner(actor.id()), CoupleView.class, "couple of yours");
    }
}
