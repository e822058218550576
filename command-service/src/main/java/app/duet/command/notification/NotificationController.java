package app.duet.command.notification;

import app.duet.access.Actor;
import app.duet.api.notification.ChooseNotifications;
import app.duet.api.notification.MarkNotificationsRead;
import app.duet.api.notification.NotificationKind;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Set;

/** What a signed-in person decides about their own notifications: any role, only their own. */
@RestController
@RequestMapping("/api/commands/my/notifications")
@Tag(name = "Notifications", description = "Marking notifications read, and choosing what one gets")
class NotificationController {

    private final CommandGateway commands;

    NotificationController(CommandGateway commands) {
        this.commands = commands;
    }

    record ReadRequest(@NotEmpty @Size(max = Inbox.MOST_AT_ONCE) List<@NotNull @Size(min = 1, max = 200) String> notificationIds) {
    }

    @PostMapping("/read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Mark some of your notifications read")
    void read(@Parameter(hidden = true) Actor actor, @Valid @RequestBody ReadRequest request) {
        commands.sendAndWait(new MarkNotificationsRead(actor.id(), request.notificationIds()));
    }

    record ChoiceRequest(@NotNull Set<@NotNull NotificationKind> inApp, @NotNull Set<@NotNull NotificationKind> byMail) {
    }

    @PostMapping("/choices")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Choose which notifications you get in Duet, and which reminders by mail")
    void choose(@Parameter(hidden = true) Actor actor, @Valid @RequestBody ChoiceRequest request) {
        commands.sendAndWait(new ChooseNotifications(actor.id(), request.inApp(), request.byMail()));
    }
}
