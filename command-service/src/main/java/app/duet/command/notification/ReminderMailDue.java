package app.duet.command.notification;

import app.duet.api.notification.NotificationKind;

import java.io.Serializable;

/**
 * A reminder mail to send to one person, as the durable scheduler keeps it until it has run:
 * {@code reminderKey} names the reminder (the same for every person it goes to). Stored by its class
 * name: renaming or moving this record strands the mails already scheduled.
 */
record ReminderMailDue(String reminderKey, String personId, NotificationKind kind) implements Serializable {

    /** The scheduler's id of this mail: one per reminder and person, so scheduling it twice schedules it once. */
    String instanceId() {
        return reminderKey + "|" + personId;
    }
}
