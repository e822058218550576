package app.duet.command.session;

import app.duet.api.session.AnswerBid;
import app.duet.api.session.BidResponse;
import app.duet.api.session.EndSession;
import app.duet.api.session.JoinSession;
import app.duet.api.session.LeaveSession;
import app.duet.api.session.MakeBid;
import app.duet.api.session.ShareEntry;
import app.duet.api.session.WriteDraft;
import app.duet.access.Actor;
import app.duet.api.access.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

@RestController
@RequestMapping("/api/commands/sessions/{sessionId}")
@Tag(name = "Joint sessions", description = "Presence and bids for connection in a live session")
class SessionController {

    private final CommandGateway commands;

    SessionController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping("/join")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Enter the session; joining again while present changes nothing")
    void join(@Parameter(hidden = true) Actor actor, @PathVariable String sessionId) {
        commands.sendAndWait(new JoinSession(sessionId, partner(actor)));
    }

    @PostMapping("/leave")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Leave the session; when nobody is left it ends")
    void leave(@Parameter(hidden = true) Actor actor, @PathVariable String sessionId) {
        commands.sendAndWait(new LeaveSession(sessionId, partner(actor)));
    }

    @PostMapping("/end")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "End the session for both partners")
    void end(@Parameter(hidden = true) Actor actor, @PathVariable String sessionId) {
        commands.sendAndWait(new EndSession(sessionId, partner(actor)));
    }

    record MakeBidRequest(@Size(max = 280) String words) {
    }

    record BidMadeResponse(String bidId) {
    }

    @PostMapping("/bids")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Make a bid for connection to the other partner")
    BidMadeResponse makeBid(@Parameter(hidden = true) Actor actor, @PathVariable String sessionId,
                            @Valid @RequestBody MakeBidRequest request) {
        String bidId = UUID.randomUUID().toString();
        String words = request.words() == null ? "" : request.words().strip();
        commands.sendAndWait(new MakeBid(sessionId, bidId, partner(actor), words));
        return new BidMadeResponse(bidId);
    }

    record AnswerBidRequest(@NotNull BidResponse response) {
    }

    record DraftRequest(@NotNull @Size(max = 4000) String text) {
    }

    @PutMapping("/entries/{entryId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Write or rewrite your private draft entry; nobody else sees it until you share it")
    void writeDraft(@Parameter(hidden = true) Actor actor, @PathVariable String sessionId,
                    @PathVariable @Pattern(regexp = "[A-Za-z0-9-]{1,64}") String entryId,
                    @Valid @RequestBody DraftRequest request) {
        commands.sendAndWait(new WriteDraft(sessionId, partner(actor), entryId, request.text()));
    }

    @PostMapping("/entries/{entryId}/share")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Share your draft with your partner; it is final from then on")
    void shareEntry(@Parameter(hidden = true) Actor actor, @PathVariable String sessionId,
                    @PathVariable String entryId) {
        commands.sendAndWait(new ShareEntry(sessionId, partner(actor), entryId));
    }

    @PostMapping("/bids/{bidId}/answer")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Answer a bid made to you: toward, away or against")
    void answerBid(@Parameter(hidden = true) Actor actor, @PathVariable String sessionId, @PathVariable String bidId,
                   @Valid @RequestBody AnswerBidRequest request) {
        commands.sendAndWait(new AnswerBid(sessionId, bidId, partner(actor), request.response()));
    }

    /** Only partners act in couples and sessions; therapists, analysts and admins never do. */
    private static String partner(Actor actor) {
        return actor.require(Role.PARTNER).id();
    }
}
