package app.duet.api.notification;

import org.axonframework.serialization.Revision;

import java.util.List;

/** A person's choice of what they get: these kinds in the app, these reminders by mail. Sorted, so equal choices compare equal. */
@Revision("1")
public record NotificationsChosen(String personId, List<NotificationKind> inApp, List<NotificationKind> byMail) {
}
