package app.duet.command.session;

import app.duet.access.Actor;
import app.duet.api.session.Exercise;
import app.duet.api.session.StartSession;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** Starting a couple's joint session: the couple's path, since a session starts from its couple. */
@RestController
@RequestMapping("/api/commands/couples/{coupleId}")
@Tag(name = "Joint sessions")
class CoupleSessionsController {

    private final CommandGateway commands;

    CoupleSessionsController(CommandGateway commands) {
        this.commands = commands;
    }

    record StartSessionRequest(@NotNull Exercise exercise) {
    }

    record SessionStartedResponse(String sessionId) {
    }

    @PostMapping("/sessions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Start a live joint session of the couple")
    SessionStartedResponse startSession(@Parameter(hidden = true) Actor actor, @PathVariable String coupleId,
                                        @Valid @RequestBody StartSessionRequest request) {
        String sessionId = UUID.randomUUID().toString();
        commands.sendAndWait(new StartSession(coupleId, sessionId, actor.partnerId(), request.exercise()));
        return new SessionStartedResponse(sessionId);
    }
}
