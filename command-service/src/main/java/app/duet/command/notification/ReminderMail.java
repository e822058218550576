package app.duet.command.notification;

import app.duet.api.commitment.CheckpointComingUp;
import app.duet.api.commitment.HomeworkDueSoon;
import app.duet.api.notification.NotificationKind;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

import java.time.Instant;
import java.util.List;

/**
 * Reminders by mail. The reminder's event (applied when its deadline fired on the durable scheduler)
 * schedules one mail per person on that same scheduler, in the event's own transaction: a subscribing
 * handler, never replayed. The mail's task asks the person's choice, their address, then claims the
 * sent-log and sends: at most once per reminder and person, whatever reruns it. Where no SMTP server is
 * configured nothing is scheduled. A mail says only that something is waiting, with a link to Duet.
 */
@Configuration(proxyBeanMethods = false)
@ProcessingGroup(ReminderMail.PROCESSING_GROUP)
@EnableConfigurationProperties(ReminderMailSettings.class)
public class ReminderMail {

    public static final String PROCESSING_GROUP = "reminder-mail";
    /** The scheduler's task name; tests counting deadlines leave it out like sessions-left-alone. */
    public static final String TASK = "reminder-mail";

    private static final Logger log = LoggerFactory.getLogger(ReminderMail.class);

    private final ObjectProvider<JavaMailSender> sender;
    private final ObjectProvider<Scheduler> scheduler;
    private final ReminderMailSettings settings;
    private final MailChoices choices;
    private final MailAddresses addresses;
    private final SentReminders sentLog;

    ReminderMail(ObjectProvider<JavaMailSender> sender, ObjectProvider<Scheduler> scheduler, ReminderMailSettings settings,
                 MailChoices choices, MailAddresses addresses, SentReminders sentLog) {
        this.sender = sender;
        this.scheduler = scheduler;
        this.settings = settings;
        this.choices = choices;
        this.addresses = addresses;
        this.sentLog = sentLog;
    }

    @Bean
    OneTimeTask<ReminderMailDue> reminderMailTask() {
        return Tasks.oneTime(TASK, ReminderMailDue.class).execute((instance, context) -> send(instance.getData()));
    }

    @EventHandler
    void on(HomeworkDueSoon event) {
        schedule("homework/" + event.coupleId() + "/" + event.homeworkId(), NotificationKind.HOMEWORK_DUE, event.partnerIds());
    }

    @EventHandler
    void on(CheckpointComingUp event) {
        schedule("checkpoint/" + event.coupleId() + "/" + event.commitmentId() + "/" + event.checkpoint(),
                NotificationKind.CHECKPOINT_COMING, event.partnerIds());
    }

    private void schedule(String reminderKey, NotificationKind kind, List<String> people) {
        Scheduler tasks = scheduler.getIfAvailable();
        if (sender.getIfAvailable() == null || tasks == null) {
            return;
        }
        for (String person : people) {
            ReminderMailDue due = new ReminderMailDue(reminderKey, person, kind);
            tasks.scheduleIfNotExists(reminderMailTask().instance(due.instanceId(), due), Instant.now());
        }
    }

    /** Runs on the scheduler, at least once; the sent-log makes the mail go at most once. */
    void send(ReminderMailDue due) {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null || !choices.wantsMail(due.personId(), due.kind())) {
            return;
        }
        String address = addresses.of(due.personId()).orElse(null);
        if (address == null || !sentLog.claim(due.reminderKey(), due.personId(), Instant.now())) {
            return;
        }
        try {
            mail.send(message(address, due.kind()));
        } catch (MailException unsent) {
            // Refused before it left: not sent, so the scheduler may try again later.
            sentLog.release(due.reminderKey(), due.personId());
            // Only the kind of failure: the server's message often names the address.
            log.warn("A reminder mail could not be sent, tried again later ({})", unsent.getClass().getSimpleName());
            throw unsent;
        }
    }

    /** Only that something is waiting: no name, no words anyone wrote, no date, nothing of the couple. */
    private SimpleMailMessage message(String to, NotificationKind kind) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(settings.from());
        message.setTo(to);
        message.setSubject("Something is waiting for you in Duet");
        String what = kind == NotificationKind.HOMEWORK_DUE
                ? "Homework in Duet is due soon, and your part of it is not marked done yet."
                : "A check-point of your commitment in Duet is coming up.";
        message.setText("""
                %s

                Open Duet to see it: %s

                In Duet, under Notifications, you choose which reminders come by mail.
                """.formatted(what, settings.notificationsLink()));
        return message;
    }
}
