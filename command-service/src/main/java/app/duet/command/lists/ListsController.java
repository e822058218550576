package app.duet.command.lists;

import app.duet.access.Actor;
import app.duet.api.lists.DropListItem;
import app.duet.api.lists.KeepListItem;
import app.duet.api.lists.ListKind;
import app.duet.api.lists.ShareListItem;
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

/** Each partner's own lists of needs, boundaries and deal-breakers, private until its author shares an item. */
@RestController
@RequestMapping("/api/commands/couples/{coupleId}")
@Tag(name = "Lists", description = "Each partner's needs, boundaries and deal-breakers, private until shared")
class ListsController {

    private final CommandGateway commands;

    ListsController(CommandGateway commands) {
        this.commands = commands;
    }

    record ListItemKeptResponse(String itemId) {
    }

    record ListItemRequest(@NotNull ListKind list, @NotBlank @Size(max = 1000) String words) {
    }

    @PostMapping("/lists")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a relationship need, boundary or deal-breaker to your list; only you see it until you share it")
    ListItemKeptResponse keepListItem(@Parameter(hidden = true) Actor actor, @PathVariable String coupleId,
                         @Valid @RequestBody ListItemRequest request) {
        String itemId = UUID.randomUUID().toString();
        commands.sendAndWait(new KeepListItem(coupleId, actor.partnerId(), itemId, request.list(), request.words().strip()));
        return new ListItemKeptResponse(itemId);
    }

    @PostMapping("/lists/{itemId}/share")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Show an item of your list to your partner (and a therapist you both consented to)")
    void shareListItem(@Parameter(hidden = true) Actor actor, @PathVariable String coupleId,
                       @PathVariable String itemId) {
        commands.sendAndWait(new ShareListItem(coupleId, actor.partnerId(), itemId));
    }

    @PostMapping("/lists/{itemId}/drop")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Take an item off your list")
    void dropListItem(@Parameter(hidden = true) Actor actor, @PathVariable String coupleId,
                      @PathVariable String itemId) {
        commands.sendAndWait(new DropListItem(coupleId, actor.partnerId(), itemId));
    }
}
