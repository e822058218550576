package app.duet.query.notification;

import app.duet.access.Actor;
import app.duet.api.notification.FindMyNotificationChoices;
import app.duet.api.notification.FindMyNotifications;
import app.duet.api.notification.NotificationChoicesView;
import app.duet.api.notification.NotificationsView;
import app.duet.query.events.ViewsBuiltBy;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in person's own notifications and choices, whatever their role; nobody reads another's. */
@RestController
@RequestMapping("/api/queries/my")
@Tag(name = "Notifications", description = "What happened while one was elsewhere")
@ViewsBuiltBy(NotificationProjection.PROCESSING_GROUP)
class NotificationQueryController {

    private final QueryGateway queries;

    NotificationQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/notifications")
    @Operation(summary = "Your latest notifications, newest first, and how many are unread")
    NotificationsView notifications(@Parameter(hidden = true) Actor actor) {
        return queries.query(new FindMyNotifications(signedIn(actor)), ResponseTypes.instanceOf(NotificationsView.class)).join();
    }

    @GetMapping("/notification-choices")
    @Operation(summary = "Which notifications you get in Duet, and which reminders by mail")
    NotificationChoicesView choices(@Parameter(hidden = true) Actor actor) {
        return queries.query(new FindMyNotificationChoices(signedIn(actor)), ResponseTypes.instanceOf(NotificationChoicesView.class))
                .join();
    }

    private static String signedIn(Actor actor) {
        if (actor.id() == null) {
            throw new AccessDeniedException("Sign in to see your notifications.");
        }
        return actor.id();
    }
}
