package app.duet.command.session;

import app.duet.api.session.AnswerBid;
import app.duet.api.session.BidResponse;
import app.duet.api.session.EndSession;
import app.duet.api.session.JoinSession;
import app.duet.api.session.LeaveSession;
import app.duet.api.session.MakeBid;
import app.duet.api.session.MoveToStep;
import app.duet.api.session.JoinSessionAsTherapist;
import app.duet.api.session.PauseSession;
import app.duet.api.session.ResumeSession;
import app.duet.api.session.LeaveSessionAsTherapist;
import app.duet.access.Actor;
import app.duet.api.access.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

@RestController
@RequestMapping("/api/commands/sessions/{sessionId}")
@Tag(name = "Joint sessions", description = "Starting a live session; presence, steps, pause, the observing therapist and bids for connection in it")
class SessionController {

    private final CommandGateway commands;

    SessionController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping("/join")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Enter the session; joining again while present changes nothing")
    void join(@Parameter(hidden = true) Actor actor, @PathVariable String sessionId) {
        commands.sendAndWait(new JoinSession(sessionId, actor.partnerId()));
    }

    @PostMapping("/leave")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Leave the session; when nobody is left it ends")
    void leave(@Parameter(hidden = true) Actor actor, @PathVariable String sessionId) {
        commands.sendAndWait(new LeaveSession(sessionId, actor.partnerId()));
    }

    @PostMapping("/end")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "End the session for both partners")
    void end(@Parameter(hidden = true) Actor actor, @PathVariable String sessionId) {
        commands.sendAndWait(new EndSession(sessionId, actor.partnerId()));
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
        commands.sendAndWait(new MakeBid(sessionId, bidId, actor.partnerId(), words));
        return new BidMadeResponse(bidId);
    }

    record AnswerBidRequest(@NotNull BidResponse response) {
    }

    @PostMapping("/bids/{bidId}/answer")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Answer a bid made to you: toward, away or against")
    void answerBid(@Parameter(hidden = true) Actor actor, @PathVariable String sessionId, @PathVariable String bidId,
                   @Valid @RequestBody AnswerBidRequest request) {
        commands.sendAndWait(new AnswerBid(sessionId, bidId, actor.partnerId(), request.response()));
    }

    record MoveToStepRequest(@NotBlank @Size(max = 40) String step) {
    }

    @PostMapping("/step")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Go to a step of the exercise; both partners and the therapist see where you are")
    void moveToStep(@Parameter(hidden = true) Actor actor, @PathVariable String sessionId,
                    @Valid @RequestBody MoveToStepRequest request) {
        commands.sendAndWait(new MoveToStep(sessionId, actor.partnerId(), request.step()));
    }

    @PostMapping("/pause")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Pause the session (a partner in it, or the observing therapist); nothing is written until it resumes")
    void pause(@Parameter(hidden = true) Actor actor, @PathVariable String sessionId) {
        commands.sendAndWait(new PauseSession(sessionId, partnerOrTherapist(actor)));
    }

    @PostMapping("/resume")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Resume a paused session")
    void resume(@Parameter(hidden = true) Actor actor, @PathVariable String sessionId) {
        commands.sendAndWait(new ResumeSession(sessionId, partnerOrTherapist(actor)));
    }

    @PostMapping("/observe")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "A therapist both partners consented to joins as an observer; both partners see it")
    void observe(@Parameter(hidden = true) Actor actor, @PathVariable String sessionId) {
        commands.sendAndWait(new JoinSessionAsTherapist(sessionId, actor.require(Role.THERAPIST).id()));
    }

    @PostMapping("/stop-observing")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "The observing therapist leaves the session")
    void stopObserving(@Parameter(hidden = true) Actor actor, @PathVariable String sessionId) {
        commands.sendAndWait(new LeaveSessionAsTherapist(sessionId, actor.require(Role.THERAPIST).id()));
    }

    private static String partnerOrTherapist(Actor actor) {
        if (actor.is(Role.THERAPIST)) {
            return actor.id();
        }
        return actor.partnerId();
    }
}
