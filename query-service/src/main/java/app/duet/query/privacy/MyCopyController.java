package app.duet.query.privacy;

import app.duet.access.Actor;
import app.duet.api.pairing.CoupleView;
import app.duet.api.pairing.FindCouple;
import app.duet.api.pairing.FindCoupleMembers;
import app.duet.query.access.ViewAccess;
import app.duet.query.clinical.ClinicalProjection;
import app.duet.query.cycle.CycleStateProjection;
import app.duet.query.events.ViewsBuiltBy;
import app.duet.query.live.LiveViews;
import app.duet.query.notification.NotificationProjection;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static app.duet.query.live.ViewQueries.findOrRefused;

/**
 * A partner's own copy of what Duet holds about them and their couple, as a file to keep. Only a
 * partner of the couple gets it; anyone else is refused in the words of a couple that does not exist.
 * A partner reading their own couple is not audited, and nothing of the copy is logged.
 */
@RestController
@RequestMapping("/api/queries")
@Tag(name = "Couples", description = "Couple overviews")
@ViewsBuiltBy({LiveViews.PROCESSING_GROUP, CycleStateProjection.PROCESSING_GROUP, ClinicalProjection.PROCESSING_GROUP,
        NotificationProjection.PROCESSING_GROUP})
class MyCopyController {

    private final QueryGateway queries;
    private final ViewAccess access;
    private final MyCopy copy;

    MyCopyController(QueryGateway queries, ViewAccess access, MyCopy copy) {
        this.queries = queries;
        this.access = access;
        this.copy = copy;
    }

    @GetMapping("/couples/{coupleId}/my-copy")
    @Operation(summary = "For a partner of the couple: a JSON file of everything Duet holds about them and their couple "
            + "that they may see (the overview and every session whole, the cycle state, their own drafts and unshared list "
            + "items, who read the couple's content, their notifications), never their partner's unshared words")
    @ApiResponse(responseCode = "200", description = "The copy, as a file to save",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE))
    void myCopy(@Parameter(hidden = true) Actor actor, @PathVariable String coupleId, HttpServletResponse response)
            throws IOException {
        // Refused before anything is written, so a refusal is the usual problem document.
        access.requirePartner(actor, findOrRefused(queries, new FindCoupleMembers(coupleId), CoupleView.class));
        CoupleView couple = findOrRefused(queries, new FindCouple(coupleId), CoupleView.class);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("duet-our-data-" + LocalDate.now(ZoneOffset.UTC) + ".json").build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        copy.write(actor, couple, response.getOutputStream());
    }
}
