package app.duet.api.notification;

import java.util.List;

/** What a person chose to get; everyone gets every kind in the app and every reminder by mail until they choose. */
public record NotificationChoicesView(List<NotificationKind> inApp, List<NotificationKind> byMail) {
}
