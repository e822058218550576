package app.duet.query.pairing;

import app.duet.query.events.ViewsBuiltBy;
import app.duet.query.live.LiveViews;
import app.duet.query.clinical.ClinicalProjection;
import app.duet.api.pairing.CoupleView;
import app.duet.api.lists.FindMyListItems;
import app.duet.api.lists.ListItemView;
import app.duet.api.access.Role;
import app.duet.api.audit.ContentReadView;
import app.duet.api.audit.FindContentReads;
import app.duet.api.cycle.FindCaseload;
import app.duet.api.pairing.FindCouple;
import app.duet.api.pairing.FindCoupleOfPartner;
import app.duet.access.Actor;
import app.duet.query.access.ViewAccess;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

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

    @GetMapping("/couples/{coupleId}/reads")
    @ViewsBuiltBy({LiveViews.PROCESSING_GROUP, ClinicalProjection.PROCESSING_GROUP})
    @Operation(summary = "For the couple's partners: every read of their content by a therapist or analyst, newest first")
    List<ContentReadView> reads(@Parameter(hidden = true) Actor actor, @PathVariable String coupleId) {
        access.requirePartner(actor,
                findOrNotFound(queries, new FindCouple(coupleId), CoupleView.class, "couple " + coupleId));
        return queries.query(new FindContentReads(coupleId), ResponseTypes.multipleInstancesOf(ContentReadView.class))
                .join();
    }

    @GetMapping("/couples/{coupleId}/my-list")
    @Operation(summary = "The signed-in partner's own list items (needs, boundaries, deal-breakers) not yet shared; nobody else ever gets them")
    List<ListItemView> myListItems(@Parameter(hidden = true) Actor actor, @PathVariable String coupleId) {
        access.requirePartner(actor,
                findOrNotFound(queries, new FindCouple(coupleId), CoupleView.class, "couple " + coupleId));
        return queries.query(new FindMyListItems(coupleId, actor.id()),
                ResponseTypes.multipleInstancesOf(ListItemView.class)).join();
    }

    @GetMapping("/my/caseload")
    @Operation(summary = "The couples who consented to the signed-in therapist observing them")
    List<CoupleView> myCaseload(@Parameter(hidden = true) Actor actor) {
        actor.require(Role.THERAPIST);
        List<CoupleView> caseload = queries.query(new FindCaseload(actor.id()),
                ResponseTypes.multipleInstancesOf(CoupleView.class)).join();
        // A consent withdrawn a moment ago may not have reached the caseload yet: that couple is left out.
        return caseload.stream().filter(couple -> access.mayRead(actor, couple, ViewAccess.Via.REST)).toList();
    }

    @GetMapping("/my/couple")
    @Operation(summary = "The overview of the couple the signed-in partner belongs to")
    CoupleView myCouple(@Parameter(hidden = true) Actor actor) {
        return findOrNotFound(queries, new FindCoupleOfPartner(actor.id()), CoupleView.class, "couple of yours");
    }
}
