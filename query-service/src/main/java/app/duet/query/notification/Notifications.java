package app.duet.query.notification;

import app.duet.api.notification.FindMyNotificationChoices;
import app.duet.api.notification.FindMyNotifications;
import app.duet.api.notification.NotificationChoicesView;
import app.duet.api.notification.NotificationKind;
import app.duet.api.notification.NotificationView;
import app.duet.api.notification.NotificationsView;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * A person's notifications as they read them: the latest of the kinds they chose, each marked read or
 * not, and how many are unread among them. Everyone gets every kind in the app until they choose.
 */
@Component
class Notifications {

    /** The latest this many are listed and counted: an unread count past it shows as this many. */
    static final int LATEST = 50;

    private final NotificationRepository notifications;
    private final NotificationReadRepository reads;
    private final NotificationChoiceRepository choices;

    Notifications(NotificationRepository notifications, NotificationReadRepository reads, NotificationChoiceRepository choices) {
        this.notifications = notifications;
        this.reads = reads;
        this.choices = choices;
    }

    @QueryHandler
    NotificationsView handle(FindMyNotifications query) {
        List<Notification> latest = notifications.findByPersonIdAndKindInOrderByAtDesc(query.personId(),
                choicesOf(query.personId()).inApp(), PageRequest.of(0, LATEST));
        Set<String> read = StreamSupport.stream(reads.findAllById(latest.stream()
                        .map(n -> NotificationRead.of(query.personId(), n.id()).id()).toList()).spliterator(), false)
                .map(NotificationRead::notificationId).collect(Collectors.toSet());
        List<NotificationView> views = latest.stream().map(n -> new NotificationView(n.id(), n.kind(), n.coupleId(), n.text(),
                n.link(), n.at(), read.contains(n.id()))).toList();
        return new NotificationsView((int) views.stream().filter(view -> !view.read()).count(), views);
    }

    @QueryHandler
    NotificationChoicesView handle(FindMyNotificationChoices query) {
        return choicesOf(query.personId());
    }

    private NotificationChoicesView choicesOf(String personId) {
        return choices.findById(personId).map(choice -> new NotificationChoicesView(choice.inApp(), choice.byMail()))
                .orElseGet(() -> new NotificationChoicesView(Arrays.asList(NotificationKind.values()),
                        List.copyOf(NotificationKind.REMINDERS.stream().sorted().toList())));
    }
}
