package app.duet.query.presence;

import app.duet.access.Actor;
import app.duet.api.session.FindSession;
import app.duet.api.session.SessionPresenceView;
import app.duet.api.session.SessionView;
import app.duet.query.access.ViewAccess;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.messaging.handler.annotation.DestinationVariable;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static app.duet.query.live.ViewQueries.findOrRefused;

/**
 * Presence over REST (what a page loads when it opens a session, and again after a reconnect) and
 * the one thing a page says over STOMP: whether it is shown or hidden ({@code /app/presence.here},
 * {@code /app/presence.away}, empty bodies).
 */
@RestController
@RequestMapping("/api/queries")
@Tag(name = "Joint sessions", description = "Live session views")
class PresenceController {

    private final SessionPresence presence;
    private final QueryGateway queries;
    private final ViewAccess access;

    PresenceController(SessionPresence presence, QueryGateway queries, ViewAccess access) {
        this.presence = presence;
        this.queries = queries;
        this.access = access;
    }

    @GetMapping("/sessions/{sessionId}/presence")
    @Operation(summary = "Who is connected to a session now (live state, not history): here, away (page hidden), "
            + "connection dropped, or absent; for those who may read the session")
    SessionPresenceView presence(@Parameter(hidden = true) Actor actor, @PathVariable String sessionId) {
        access.requireMayRead(actor, findOrRefused(queries, new FindSession(sessionId), SessionView.class), ViewAccess.Via.REST);
        return presence.of(sessionId);
    }

    @MessageMapping(PRESENCE + "{shown}")
    void shown(@DestinationVariable String shown, SimpMessageHeaderAccessor frame) {
        presence.showing(frame.getSessionId(), "here".equals(shown));
    }

    /** After /app: the only destinations a page may SEND to. */
    static final String PRESENCE = "presence.";
}
