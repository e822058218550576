package app.duet.api.notification;

import org.axonframework.serialization.Revision;

import java.util.List;

/** A person read these notifications; they no longer count as unread. */
@Revision("1")
public record NotificationsRead(String personId, List<String> notificationIds) {
}
