package app.duet.command.privacy;

import app.duet.access.Actor;
import app.duet.api.access.Role;
import app.duet.api.privacy.EraseCouple;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A partner erases their couple, with everything either partner wrote in it. */
@RestController
@RequestMapping("/api/commands/couples/{coupleId}")
@Tag(name = "Privacy", description = "Erasing a couple and every word written in it")
class ErasureController {

    private final CommandGateway commands;

    ErasureController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping("/erase")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Erase the couple: its key is destroyed, so every word either partner wrote becomes unreadable, and its views are purged")
    void erase(@Parameter(hidden = true) Actor actor, @PathVariable String coupleId) {
        commands.sendAndWait(new EraseCouple(coupleId, actor.require(Role.PARTNER).id()));
    }
}
