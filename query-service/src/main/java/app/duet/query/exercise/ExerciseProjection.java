package app.duet.query.exercise;

import app.duet.api.exercise.BabyStepChosen;
import app.duet.api.exercise.BabyStepCommitted;
import app.duet.api.exercise.BabyStepView;
import app.duet.api.exercise.BehaviourListed;
import app.duet.api.exercise.BlamerSoftened;
import app.duet.api.exercise.ChangeEvent;
import app.duet.api.exercise.ChangeEventConfirmed;
import app.duet.api.exercise.CycleLinkRecorded;
import app.duet.api.exercise.EntryKind;
import app.duet.api.exercise.LeanRecorded;
import app.duet.api.exercise.LetGoProposed;
import app.duet.api.exercise.MoveView;
import app.duet.api.exercise.NeedStated;
import app.duet.api.exercise.PactView;
import app.duet.api.exercise.ReassuranceWritten;
import app.duet.api.exercise.ResentmentReleased;
import app.duet.api.exercise.SmallerStepOffered;
import app.duet.api.exercise.WithdrawerReengaged;
import app.duet.api.session.EntryDetails;
import app.duet.query.live.LiveViews;
import app.duet.query.session.SessionViews;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What partners do in an exercise, in its session's live view: their entries of each kind (cycle
 * links, behaviours, needs, reassurances, leans), private to their author until shared or revealed,
 * and their acts (change events voiced and confirmed, baby steps, letting go), pushed as they happen.
 */
@Component
@ProcessingGroup(LiveViews.PROCESSING_GROUP)
public class ExerciseProjection {

    private final SessionViews views;

    public ExerciseProjection(SessionViews views) {
        this.views = views;
    }

    // --- entries: only their author's drafts change ---------------------------------------------

    @EventHandler
    public void on(CycleLinkRecorded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        views.draft(event.sessionId(), sequence, s -> s.writeDraft(event.entryId(), event.authorId(), event.step(),
                EntryKind.CYCLE_LINK, event.words(),
                new EntryDetails.Link(event.link(), event.intensity(), event.move()), at));
    }

    @EventHandler
    public void on(BehaviourListed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        views.draft(event.sessionId(), sequence, s -> s.writeDraft(event.entryId(), event.authorId(), event.step(),
                EntryKind.BEHAVIOUR, event.words(), new EntryDetails.Behaviour(event.size()), at));
    }

    @EventHandler
    public void on(NeedStated event, @SequenceNumber long sequence, @Timestamp Instant at) {
        views.draft(event.sessionId(), sequence, s -> s.writeDraft(event.entryId(), event.authorId(), event.step(),
                EntryKind.NEED, event.words(), new EntryDetails.Need(event.need(), event.reassurance()), at));
    }

    @EventHandler
    public void on(ReassuranceWritten event, @SequenceNumber long sequence, @Timestamp Instant at) {
        views.draft(event.sessionId(), sequence, s -> s.writeDraft(event.entryId(), event.authorId(), event.step(),
                EntryKind.REASSURANCE, event.words(), new EntryDetails.Reassurance(event.needEntryId()), at));
    }

    /** A lean in a session is an entry of its step; those between sessions belong to the couple's view. */
    @EventHandler
    public void on(LeanRecorded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        views.draft(event.sessionId(), sequence, s -> s.writeDraft(event.entryId(), event.partnerId(),
                event.step(), EntryKind.LEAN, null, new EntryDetails.CheckIn(event.lean(), event.energy()), at));
    }

    // --- acts: voiced, confirmed, taken up, released -------------------------------------------

    @EventHandler
    public void on(BlamerSoftened event, @SequenceNumber long sequence, @Timestamp Instant at, ReplayStatus replay) {
        views.update(event.sessionId(), sequence, replay, s -> s.addMove(new MoveView(event.moveId(), event.partnerId(),
                ChangeEvent.BLAMER_SOFTENING, event.words(), at, List.of())));
    }

    @EventHandler
    public void on(WithdrawerReengaged event, @SequenceNumber long sequence, @Timestamp Instant at,
                   ReplayStatus replay) {
        views.update(event.sessionId(), sequence, replay, s -> s.addMove(new MoveView(event.moveId(), event.partnerId(),
                ChangeEvent.WITHDRAWER_REENGAGEMENT, event.words(), at, List.of())));
    }

    @EventHandler
    public void on(ChangeEventConfirmed event, @SequenceNumber long sequence, ReplayStatus replay) {
        views.update(event.sessionId(), sequence, replay, s -> s.updateMove(event.moveId(), move -> {
            List<String> confirmedBy = new ArrayList<>(move.confirmedBy());
            confirmedBy.add(event.therapistId());
            return new MoveView(move.moveId(), move.partnerId(), move.change(), move.words(), move.voicedAt(),
                    List.copyOf(confirmedBy));
        }));
    }

    @EventHandler
    public void on(BabyStepChosen event, @SequenceNumber long sequence, ReplayStatus replay) {
        views.update(event.sessionId(), sequence, replay,
                s -> s.addBabyStep(new BabyStepView(event.behaviourEntryId(), event.listedBy(), event.chosenBy(), null, false)));
    }

    @EventHandler
    public void on(SmallerStepOffered event, @SequenceNumber long sequence, ReplayStatus replay) {
        views.update(event.sessionId(), sequence, replay,
                s -> s.addBabyStep(new BabyStepView(event.behaviourEntryId(), event.listedBy(), event.offeredBy(), event.words(),
                        false)));
    }

    @EventHandler
    public void on(BabyStepCommitted event, @SequenceNumber long sequence, ReplayStatus replay) {
        views.update(event.sessionId(), sequence, replay,
                s -> s.updateBabyStep(event.behaviourEntryId(), event.listedBy(), step -> new BabyStepView(
                        step.behaviourEntryId(), step.listedBy(), step.takenUpBy(), step.smallerStep(), true)));
    }

    @EventHandler
    public void on(LetGoProposed event, @SequenceNumber long sequence, @Timestamp Instant at, ReplayStatus replay) {
        views.update(event.sessionId(), sequence, replay,
                s -> s.addPact(new PactView(event.pactId(), event.proposedBy(), event.words(), at, null, null)));
    }

    @EventHandler
    public void on(ResentmentReleased event, @SequenceNumber long sequence, @Timestamp Instant at,
                   ReplayStatus replay) {
        views.update(event.sessionId(), sequence, replay, s -> s.updatePact(event.pactId(), pact -> new PactView(
                pact.pactId(), pact.proposedBy(), pact.words(), pact.proposedAt(), event.agreedBy(), at)));
    }
}
