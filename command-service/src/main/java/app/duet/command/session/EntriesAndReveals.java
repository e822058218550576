package app.duet.command.session;

import app.duet.api.exercise.EntryKind;
import app.duet.api.session.AnswersMarkedReady;
import app.duet.api.session.AnswersRevealed;
import app.duet.api.session.AnswersTakenBack;
import app.duet.api.session.DraftWritten;
import app.duet.api.session.EntryShared;
import app.duet.api.session.MarkAnswersReady;
import app.duet.api.session.RevealCountdownStarted;
import app.duet.api.session.SessionEnded;
import app.duet.api.session.SessionPaused;
import app.duet.api.session.ShareEntry;
import app.duet.api.session.TakeAnswersBack;
import app.duet.api.session.WriteDraft;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.io.Serializable;
import java.time.Instant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Entries private to their author until shared or revealed: free-text drafts, sharing one entry when
 * its author is ready, and the reveal of a step's answers to both partners at the same instant. Each
 * partner marks their answers ready (and may take them back); when both are, a short countdown
 * starts ({@link RevealCountdowns}), and its end reveals them.
 */
public class EntriesAndReveals implements Serializable {

    private final SessionFacts session;
    private final Presence presence;
    private final SessionEntries entries;
    private final RevealCountdowns countdowns;

    public EntriesAndReveals(SessionFacts session, Presence presence, SessionEntries entries, RevealCountdowns countdowns) {
        this.session = session;
        this.presence = presence;
        this.entries = entries;
        this.countdowns = countdowns;
    }

    @CommandHandler
    public void handle(WriteDraft command) {
        presence.requireActive(command.partnerId());
        entries.requireWritable(command.partnerId(), command.entryId(), command.step(), EntryKind.TEXT);
        apply(new DraftWritten(session.sessionId(), command.entryId(), command.partnerId(), command.step(),
                command.text()));
    }

    @CommandHandler
    public void handle(ShareEntry command) {
        presence.requireActive(command.partnerId());
        entries.requireShareable(command.partnerId(), command.entryId());
        apply(new EntryShared(session.sessionId(), command.entryId(), command.partnerId()));
    }

    /** The second partner ready starts the countdown to the reveal. */
    @CommandHandler
    public void handle(MarkAnswersReady command, RevealSettings settings, DeadlineManager deadlines) {
        presence.requireActive(command.partnerId());
        entries.requireRevealedStep(command.step());
        entries.requireReadyable(command.partnerId(), command.step());
        apply(new AnswersMarkedReady(session.sessionId(), command.step(), command.partnerId()));
        if (entries.allReady(command.step())) {
            countdowns.start(command.step(), settings.revealCountdown(), deadlines);
        }
    }

    @CommandHandler
    public void handle(TakeAnswersBack command) {
        presence.requireActive(command.partnerId());
        entries.requireRevealedStep(command.step());
        entries.requireTakeBack(command.partnerId(), command.step(), countdowns);
        apply(new AnswersTakenBack(session.sessionId(), command.step(), command.partnerId()));
    }

    /**
     * A countdown ended: the step's answers open for both, unless a pause held it or the session ended
     * meanwhile (then this deadline is stale, and does nothing: fired twice, the second does nothing too).
     */
    @DeadlineHandler(deadlineName = RevealCountdownEnds.NAME)
    public void on(RevealCountdownEnds deadline) {
        if (countdowns.endsNow(deadline)) {
            apply(new AnswersRevealed(session.sessionId(), deadline.step(), null, entries.answersAt(deadline.step())));
        }
    }

    @EventSourcingHandler
    void on(DraftWritten event) {
        entries.written(event.authorId(), event.entryId(), event.step(), EntryKind.TEXT);
    }

    @EventSourcingHandler
    void on(EntryShared event) {
        entries.shared(event.authorId(), event.entryId());
    }

    @EventSourcingHandler
    void on(AnswersMarkedReady event) {
        entries.markedReady(event.partnerId(), event.step());
    }

    @EventSourcingHandler
    void on(AnswersTakenBack event) {
        entries.takenBack(event.partnerId(), event.step());
    }

    @EventSourcingHandler
    void on(RevealCountdownStarted event, @Timestamp Instant at) {
        countdowns.started(event.step(), event.endsAt(), at);
    }

    @EventSourcingHandler
    void on(AnswersRevealed event) {
        entries.revealed(event.step(), event.entries());
        countdowns.revealed(event.step());
    }

    @EventSourcingHandler
    void on(SessionPaused event) {
        countdowns.paused();
    }

    @EventSourcingHandler
    void on(SessionEnded event) {
        countdowns.ended();
    }
}
