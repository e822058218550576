package app.duet.api.notification;

import java.time.Instant;

/**
 * One notification, in Duet's own words: who did what, never what anyone wrote. {@code link} is the
 * page's address of where it happened, e.g. {@code #/sessions/<id>}.
 */
public record NotificationView(String notificationId, NotificationKind kind, String coupleId, String text, String link,
                               Instant at, boolean read) {
}
