package app.duet.command.notification;

import app.duet.api.notification.ChooseNotifications;
import app.duet.api.notification.MarkNotificationsRead;
import app.duet.api.notification.NotificationKind;
import app.duet.api.notification.NotificationsChosen;
import app.duet.api.notification.NotificationsRead;
import app.duet.command.storage.AggregateStorage;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import static app.duet.command.RuleViolation.requireField;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One person's notifications, as far as the person decides about them: which they have read, and
 * which kinds they get in the app and by mail. Which notifications exist is the query side's to
 * build from the events; so this keeps only the choices, and a read is taken as said.
 * It begins with the person's first command.
 */
@Aggregate(cache = AggregateStorage.INBOX_CACHE)
public class Inbox implements Serializable {

    /** Ids come from the person's own page; a bound keeps one command small. */
    static final int MOST_AT_ONCE = 200;

    @AggregateIdentifier
    private String personId;
    private NotificationsChosen chosen;

    protected Inbox() {
        // Axon rebuilds it from its events, or creates it for its first command.
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(MarkNotificationsRead command) {
        List<String> ids = command.notificationIds() == null ? List.of() : command.notificationIds();
        requireField(!ids.isEmpty() && ids.size() <= MOST_AT_ONCE, "read-how-many", "notificationIds",
                "Mark between 1 and " + MOST_AT_ONCE + " notifications read at once.");
        requireField(ids.stream().allMatch(id -> id != null && !id.isBlank() && id.length() <= 200), "notification-unknown",
                "notificationIds", "That is not a notification.");
        apply(new NotificationsRead(command.personId(), ids.stream().distinct().toList()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ChooseNotifications command) {
        requireField(command.inApp() != null, "choice-required", "inApp", "Choose what you get in Duet.");
        requireField(command.byMail() != null, "choice-required", "byMail", "Choose which reminders you get by mail.");
        requireField(command.byMail().stream().allMatch(kind -> kind != null && kind.mayBeMailed()), "not-a-reminder", "byMail",
                "Only reminders of homework and check-points come by mail.");
        NotificationsChosen choice = new NotificationsChosen(command.personId(), sorted(command.inApp()), sorted(command.byMail()));
        if (!choice.equals(chosen)) {
            apply(choice);
        }
    }

    /** Whether this person gets this kind by mail; every reminder, until they choose. */
    boolean wantsMail(NotificationKind kind) {
        return chosen == null ? wantsMailUnlessChosen(kind) : chosen.byMail().contains(kind);
    }

    static boolean wantsMailUnlessChosen(NotificationKind kind) {
        return kind.mayBeMailed();
    }

    private static List<NotificationKind> sorted(Collection<NotificationKind> kinds) {
        return Arrays.stream(NotificationKind.values()).filter(kinds::contains).toList();
    }

    @EventSourcingHandler
    void on(NotificationsRead event) {
        personId = event.personId();
    }

    @EventSourcingHandler
    void on(NotificationsChosen event) {
        personId = event.personId();
        chosen = event;
    }
}
