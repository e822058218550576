package app.duet.query.notification;

import app.duet.api.notification.NotificationKind;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.List;

/** What a person chose to get, as their last choice said; applied when they read, so a choice counts for the past too. */
@Document("notification_choice")
record NotificationChoice(@Id String personId, List<NotificationKind> inApp, List<NotificationKind> byMail) {
}
