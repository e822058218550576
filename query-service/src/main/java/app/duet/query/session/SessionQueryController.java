package app.duet.query.session;

import app.duet.api.session.FindSession;
import app.duet.api.session.SessionView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static app.duet.query.live.ViewQueries.findOrNotFound;

/** Joint session views over REST: what a client loads first, and again whenever it sees a gap. */
@RestController
@RequestMapping("/api/queries")
@Tag(name = "Joint sessions", description = "Live session views")
class SessionQueryController {

    private final QueryGateway queries;

    SessionQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/sessions/{sessionId}")
    @Operation(summary = "A joint session's live view: presence, bids and answers")
    SessionView session(@PathVariable String sessionId) {
        return findOrNotFound(queries, new FindSession(sessionId), SessionView.class, "session " + sessionId);
    }
}
