package app.duet.api.notification;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Set;

/** A person chooses which kinds of notification they get in the app, and which reminders by mail. */
public record ChooseNotifications(@TargetAggregateIdentifier String personId, Set<NotificationKind> inApp,
                                  Set<NotificationKind> byMail) {
}
