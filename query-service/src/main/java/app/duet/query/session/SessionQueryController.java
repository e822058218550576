package app.duet.query.session;

import app.duet.query.events.ViewsBuiltBy;
import app.duet.query.live.LiveViews;
import app.duet.api.access.Role;
import app.duet.api.session.DraftView;
import app.duet.api.session.FindMyDrafts;
import app.duet.api.session.FindSession;
import app.duet.api.session.SessionView;
import app.duet.access.Actor;
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

import static app.duet.query.live.ViewQueries.findOrRefused;

/** Joint session views over REST: what a client loads first, and again whenever it sees a gap. */
@RestController
@RequestMapping("/api/queries")
@Tag(name = "Joint sessions", description = "Live session views")
@ViewsBuiltBy(LiveViews.PROCESSING_GROUP)
class SessionQueryController {

    private final QueryGateway queries;
    private final ViewAccess access;

    SessionQueryController(QueryGateway queries, ViewAccess access) {
        this.queries = queries;
        this.access = access;
    }

    @GetMapping("/sessions/{sessionId}")
    @Operation(summary = "A joint session's live view: presence, bids and answers (for the couple's partners); "
            + "each growing list (entries, bids, moves, babySteps, pacts) holds its newest " + ViewPages.WINDOW
            + " items, the older ones come from /lists/{list}")
    SessionView session(@Parameter(hidden = true) Actor actor, @PathVariable String sessionId) {
        return ViewPages.window(readable(actor, sessionId, ViewAccess.Via.REST), ViewShape.SESSION);
    }

    @GetMapping("/sessions/{sessionId}/lists/{list}")
    @Operation(summary = "A page of one of the session view's growing lists (entries, bids, moves, babySteps, pacts): "
            + "page 0 holds the newest items, as the view does; items in the list's own order")
    ViewPages.ItemPage sessionList(@Parameter(hidden = true) Actor actor, @PathVariable String sessionId,
                                   @PathVariable String list,
                                   @RequestParam(defaultValue = "1") Integer page,
                                   @RequestParam(defaultValue = "" + ViewPages.WINDOW) Integer size) {
        ViewPages.check(ViewShape.SESSION, list, page, size);
        return ViewPages.page(readable(actor, sessionId, ViewAccess.Via.REST), ViewShape.SESSION, list, page, size);
    }

    private SessionView readable(Actor actor, String sessionId, ViewAccess.Via via) {
        return access.requireMayRead(actor,
                findOrRefused(queries, new FindSession(sessionId), SessionView.class), via);
    }

    @GetMapping("/sessions/{sessionId}/my-drafts")
    @Operation(summary = "The signed-in partner's own unshared drafts in the session; nobody else ever gets them")
    List<DraftView> myDrafts(@Parameter(hidden = true) Actor actor, @PathVariable String sessionId) {
        // Someone else's session (or none) is refused as every other view is, not answered with an empty list.
        readable(actor.require(Role.PARTNER), sessionId, ViewAccess.Via.REST);
        return queries.query(new FindMyDrafts(sessionId, actor.id()),
                ResponseTypes.multipleInstancesOf(DraftView.class)).join();
    }
}
