package app.duet.query.live;

import app.duet.api.couple.CoupleView;
import app.duet.api.couple.FindCouple;
import app.duet.api.couple.FindCoupleOfPartner;
import app.duet.api.session.FindSession;
import app.duet.api.session.SessionView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.util.Optional;

/** The current views over REST: what a client loads first, and again whenever it sees a gap. */
@RestController
@RequestMapping("/api/queries")
@Tag(name = "Live views", description = "Couple overviews and joint session views")
class ViewQueryController {

    private final QueryGateway queries;

    ViewQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/couples/{coupleId}")
    @Operation(summary = "A couple's overview: partners, invitation, sessions")
    CoupleView couple(@PathVariable String coupleId) {
        return ask(new FindCouple(coupleId), CoupleView.class, "couple " + coupleId);
    }

    @GetMapping("/partners/{partnerId}/couple")
    @Operation(summary = "The overview of the couple a partner belongs to")
    CoupleView coupleOfPartner(@PathVariable String partnerId) {
        return ask(new FindCoupleOfPartner(partnerId), CoupleView.class, "couple of partner " + partnerId);
    }

    @GetMapping("/sessions/{sessionId}")
    @Operation(summary = "A joint session's live view: presence, bids and answers")
    SessionView session(@PathVariable String sessionId) {
        return ask(new FindSession(sessionId), SessionView.class, "session " + sessionId);
    }

    private <Q, V> V ask(Q query, Class<V> viewType, String what) {
        Optional<V> view = queries.query(query, ResponseTypes.optionalInstanceOf(viewType)).join();
        return view.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No " + what + " is known."));
    }
}
