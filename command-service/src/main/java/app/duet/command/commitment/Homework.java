package app.duet.command.commitment;

import app.duet.api.commitment.HomeworkDone;
import app.duet.api.commitment.HomeworkDueSoon;
import app.duet.api.commitment.HomeworkSet;
import app.duet.api.commitment.MarkHomeworkDone;
import app.duet.api.commitment.SetHomework;
import app.duet.command.consent.Consent;
import app.duet.command.notification.ReminderTimes;
import app.duet.command.pairing.Pairing;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.io.Serializable;

import static app.duet.command.RuleViolation.require;
import static app.duet.command.RuleViolation.requireWords;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Homework the observing therapist sets, and each partner's part of it done. Before its due day the
 * partners who have not done their part are reminded, once ({@link ReminderTimes}).
 */
public class Homework implements Serializable {

    private final String coupleId;
    private final Pairing pairing;
    private final Consent consent;
    /** Each homework set, with the day it is due (null: no day). */
    private final Map<String, LocalDate> set = new HashMap<>();
    private final Set<String> reminded = new HashSet<>();
    /** Who has done which homework, as homework/partner. */
    private final Set<String> done = new HashSet<>();

    public Homework(String coupleId, Pairing pairing, Consent consent) {
        this.coupleId = coupleId;
        this.pairing = pairing;
        this.consent = consent;
    }

    @CommandHandler
    public void handle(SetHomework command, ReminderTimes reminders, DeadlineManager deadlines) {
        consent.requireObserving(command.therapistId());
        require(!set.containsKey(command.homeworkId()), "duplicate-homework", "That homework was already set.");
        requireWords(command.words(), "Describe the homework.");
        apply(new HomeworkSet(coupleId, command.homeworkId(), command.therapistId(), command.words(), command.dueOn()));
        // In this command's transaction: the reminder exists exactly when the homework does.
        reminders.remindOf(command.dueOn(), GenericEventMessage.clock.instant()).ifPresent(at ->
                deadlines.schedule(at, HomeworkReminder.NAME, new HomeworkReminder(coupleId, command.homeworkId())));
    }

    /** Those who have not done their part are reminded; fired again, or once all is done, nothing happens. */
    @DeadlineHandler(deadlineName = HomeworkReminder.NAME)
    public void on(HomeworkReminder reminder) {
        String homeworkId = reminder.homeworkId();
        if (!set.containsKey(homeworkId) || reminded.contains(homeworkId) || pairing.isErased()) {
            return;
        }
        List<String> notDone = pairing.partnerIds().stream().filter(partner -> !done.contains(doneBy(homeworkId, partner))).toList();
        if (!notDone.isEmpty()) {
            apply(new HomeworkDueSoon(coupleId, homeworkId, set.get(homeworkId), notDone));
        }
    }

    @CommandHandler
    public void handle(MarkHomeworkDone command) {
        pairing.requirePartner(command.partnerId());
        require(set.containsKey(command.homeworkId()), "unknown-homework", "There is no such homework.");
        require(!done.contains(doneBy(command.homeworkId(), command.partnerId())), "homework-already-done",
                "You already marked this homework done.");
        apply(new HomeworkDone(coupleId, command.homeworkId(), command.partnerId()));
    }

    private static String doneBy(String homeworkId, String partnerId) {
        return homeworkId + "/" + partnerId;
    }

    @EventSourcingHandler
    void on(HomeworkSet event) {
        set.put(event.homeworkId(), event.dueOn());
    }

    @EventSourcingHandler
    void on(HomeworkDueSoon event) {
        reminded.add(event.homeworkId());
    }

    @EventSourcingHandler
    void on(HomeworkDone event) {
        done.add(doneBy(event.homeworkId(), event.partnerId()));
    }
}
