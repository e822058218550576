package app.duet.query.audit;

import app.duet.access.Actor;
import app.duet.api.audit.ContentReadView;
import app.duet.api.audit.FindContentReads;
import app.duet.api.pairing.CoupleView;
import app.duet.api.pairing.FindCoupleMembers;
import app.duet.query.access.ViewAccess;
import app.duet.query.clinical.ClinicalProjection;
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

/** The couple's audit log over REST, for the couple alone. */
@RestController
@RequestMapping("/api/queries")
@Tag(name = "Couples", description = "Couple overviews")
@ViewsBuiltBy({LiveViews.PROCESSING_GROUP, ClinicalProjection.PROCESSING_GROUP})
class ContentReadsController {

    private final QueryGateway queries;
    private final ViewAccess access;

    ContentReadsController(QueryGateway queries, ViewAccess access) {
        this.queries = queries;
        this.access = access;
    }

    @GetMapping("/couples/{coupleId}/reads")
    @Operation(summary = "For the couple's partners: every read of their content by a therapist or analyst, newest first")
    List<ContentReadView> reads(@Parameter(hidden = true) Actor actor, @PathVariable String coupleId) {
        access.requirePartner(actor,
                findOrRefused(queries, new FindCoupleMembers(coupleId), CoupleView.class));
        return queries.query(new FindContentReads(coupleId), ResponseTypes.multipleInstancesOf(ContentReadView.class))
                .join();
    }
}
