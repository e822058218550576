package app.duet.query.lists;

import app.duet.access.Actor;
import app.duet.api.lists.FindMyListItems;
import app.duet.api.lists.ListItemView;
import app.duet.api.pairing.CoupleView;
import app.duet.api.pairing.FindCoupleMembers;
import app.duet.query.access.ViewAccess;
import app.duet.query.events.ViewsBuiltBy;
import app.duet.query.live.LiveViews;
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

import static app.duet.query.live.ViewQueries.findOrRefused;

/** A partner's own list items over REST; the shared ones are in the couple's overview. */
@RestController
@RequestMapping("/api/queries")
@Tag(name = "Couples", description = "Couple overviews")
@ViewsBuiltBy(LiveViews.PROCESSING_GROUP)
class ListsQueryController {

    private final QueryGateway queries;
    private final ViewAccess access;

    ListsQueryController(QueryGateway queries, ViewAccess access) {
        this.queries = queries;
        this.access = access;
    }

    @GetMapping("/couples/{coupleId}/my-list")
    @Operation(summary = "The signed-in partner's own list items (needs, boundaries, deal-breakers) not yet shared; nobody else ever gets them")
    List<ListItemView> myListItems(@Parameter(hidden = true) Actor actor, @PathVariable String coupleId) {
        access.requirePartner(actor,
                findOrRefused(queries, new FindCoupleMembers(coupleId), CoupleView.class));
        return queries.query(new FindMyListItems(coupleId, actor.id()),
                ResponseTypes.multipleInstancesOf(ListItemView.class)).join();
    }
}
