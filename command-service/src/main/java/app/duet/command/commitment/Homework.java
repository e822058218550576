package app.duet.command.commitment;

import app.duet.api.commitment.HomeworkDone;
import app.duet.api.commitment.HomeworkSet;
import app.duet.api.commitment.MarkHomeworkDone;
import app.duet.api.commitment.SetHomework;
import app.duet.command.consent.Consent;
import app.duet.command.pairing.Pairing;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.util.HashSet;
import java.util.Set;
import java.io.Serializable;

import static app.duet.command.RuleViolation.require;
import static app.duet.command.RuleViolation.requireWords;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** Homework the observing therapist sets, and each partner's part of it done. */
public class Homework implements Serializable {

    private final String coupleId;
    private final Pairing pairing;
    private final Consent consent;
    private final Set<String> set = new HashSet<>();
    /** Who has done which homework, as homework/partner. */
    private final Set<String> done = new HashSet<>();

    public Homework(String coupleId, Pairing pairing, Consent consent) {
        this.coupleId = coupleId;
        this.pairing = pairing;
        this.consent = consent;
    }

    @CommandHandler
    public void handle(SetHomework command) {
        consent.requireObserving(command.therapistId());
        require(!set.contains(command.homeworkId()), "duplicate-homework", "That homework was already set.");
        requireWords(command.words(), "Describe the homework.");
        apply(new HomeworkSet(coupleId, command.homeworkId(), command.therapistId(), command.words(), command.dueOn()));
    }

    @CommandHandler
    public void handle(MarkHomeworkDone command) {
        pairing.requirePartner(command.partnerId());
        require(set.contains(command.homeworkId()), "unknown-homework", "There is no such homework.");
        require(!done.contains(doneBy(command.homeworkId(), command.partnerId())), "homework-already-done",
                "You already marked this homework done.");
        apply(new HomeworkDone(coupleId, command.homeworkId(), command.partnerId()));
    }

    private static String doneBy(String homeworkId, String partnerId) {
        return homeworkId + "/" + partnerId;
    }

    @EventSourcingHandler
    void on(HomeworkSet event) {
        set.add(event.homeworkId());
    }

    @EventSourcingHandler
    void on(HomeworkDone event) {
        done.add(doneBy(event.homeworkId(), event.partnerId()));
    }
}
