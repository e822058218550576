package app.duet.query.notification;

import app.duet.api.notification.NotificationKind;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * One notification for one person, in Duet's words. Its id is the event's and the person's, so an
 * event delivered again writes the same document again and changes nothing.
 */
@Document("notification")
record Notification(@Id String id, @Indexed String personId, NotificationKind kind, @Indexed String coupleId, String text,
                    String link, Instant at) {

    static String idOf(String eventId, String personId) {
        return eventId + ":" + personId;
    }
}
