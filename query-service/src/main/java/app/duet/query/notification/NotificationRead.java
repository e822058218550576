package app.duet.query.notification;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * That a person read one notification. Kept apart from the notification, so a read applied before
 * the notification itself (another segment, during a rebuild) is not lost.
 */
@Document("notification_read")
record NotificationRead(@Id String id, @Indexed String personId, String notificationId) {

    static NotificationRead of(String personId, String notificationId) {
        return new NotificationRead(personId + "/" + notificationId, personId, notificationId);
    }
}
