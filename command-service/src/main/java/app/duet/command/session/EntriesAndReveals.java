package app.duet.command.session;

import app.duet.api.exercise.EntryKind;
import app.duet.api.session.AnswersRevealed;
import app.duet.api.session.AnswersSubmitted;
import app.duet.api.session.DraftWritten;
import app.duet.api.session.EntryShared;
import app.duet.api.session.RevealAnswers;
import app.duet.api.session.ShareEntry;
import app.duet.api.session.SubmitAnswers;
import app.duet.api.session.WriteDraft;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import java.io.Serializable;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Entries private to their author until shared or revealed: free-text drafts, sharing one entry when
 * its author is ready, and submitting then revealing both partners' answers at the same instant.
 */
public class EntriesAndReveals implements Serializable {

    private final SessionFacts session;
    private final Presence presence;
    private final SessionEntries entries;

    public EntriesAndReveals(SessionFacts session, Presence presence, SessionEntries entries) {
        this.session = session;
        this.presence = presence;
        this.entries = entries;
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

    @CommandHandler
    public void handle(SubmitAnswers command) {
        presence.requireActive(command.partnerId());
        entries.requireRevealedStep(command.step());
        entries.requireSubmittable(command.partnerId(), command.step());
        apply(new AnswersSubmitted(session.sessionId(), command.step(), command.partnerId()));
    }

    @CommandHandler
    public void handle(RevealAnswers command) {
        presence.requireActive(command.partnerId());
        entries.requireRevealedStep(command.step());
        entries.requireRevealable(command.step(), session.partnerIds());
        apply(new AnswersRevealed(session.sessionId(), command.step(), command.partnerId(),
                entries.answersAt(command.step())));
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
    void on(AnswersSubmitted event) {
        entries.submitted(event.partnerId(), event.step());
    }

    @EventSourcingHandler
    void on(AnswersRevealed event) {
        entries.revealed(event.step(), event.entries());
    }
}
