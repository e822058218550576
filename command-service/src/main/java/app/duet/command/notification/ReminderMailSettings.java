package app.duet.command.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Reminder mails, sent only where an SMTP server is configured ({@code spring.mail.host}, as for
 * identity's account mails). Their one link points at {@code linksTo}, the address people open Duet
 * at, as configured: never at a host any request named.
 */
@ConfigurationProperties("duet.reminders.mail")
public record ReminderMailSettings(@DefaultValue("Duet <no-reply@localhost>") String from,
                                   @DefaultValue("http://localhost:8080/") String linksTo) {

    /** Where the mail sends a person: their notifications in Duet. */
    String notificationsLink() {
        return (linksTo.endsWith("/") ? linksTo : linksTo + "/") + "#/notifications";
    }
}
