package app.duet.query.couple;

import app.duet.api.couple.CoupleView;
import app.duet.api.couple.FindCouple;
import app.duet.api.couple.FindCoupleOfPartner;
import io.swagger.v3.oas.annotations.Operation;
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
class CoupleQueryController {

    private final QueryGateway queries;

    CoupleQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/couples/{coupleId}")
    @Operation(summary = "A couple's overview: partners, invitation, sessions")
    CoupleView couple(@PathVariable String coupleId) {
        return findOrNotFound(queries, new FindCouple(coupleId), CoupleView.class, "couple " + coupleId);
    }

    @GetMapping("/partners/{partnerId}/couple")
    @Operation(summary = "The overview of the couple a partner belongs to")
    CoupleView coupleOfPartner(@PathVariable String partnerId) {
        return findOrNotFound(queries, new FindCoupleOfPartner(partnerId), CoupleView.class,
                "couple of partner " + partnerId);
    }
}
