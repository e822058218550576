package app.duet.api.notification;

import java.util.List;

/** A person's unread count and their latest notifications, newest first, of the kinds they chose. */
public record NotificationsView(int unread, List<NotificationView> latest) {
}
