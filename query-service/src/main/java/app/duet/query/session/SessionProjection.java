package app.duet.query.session;

import app.duet.api.privacy.CoupleErased;
import app.duet.api.consent.TherapistAccessWithdrawn;
import app.duet.api.exercise.BabyStepChosen;
import app.duet.api.exercise.BabyStepCommitted;
import app.duet.api.exercise.BehaviourListed;
import app.duet.api.exercise.BlamerSoftened;
import app.duet.api.exercise.ChangeEvent;
import app.duet.api.exercise.ChangeEventConfirmed;
import app.duet.api.exercise.CycleLinkRecorded;
import app.duet.api.exercise.EntryKind;
import app.duet.api.exercise.LeanCheckedIn;
import app.duet.api.exercise.LetGoProposed;
import app.duet.api.exercise.NeedStated;
import app.duet.api.exercise.ReassuranceWritten;
import app.duet.api.exercise.ResentmentReleased;
import app.duet.api.exercise.SmallerStepOffered;
import app.duet.api.exercise.WithdrawerReengaged;
import app.duet.api.session.AnswersRevealed;
import app.duet.api.session.AnswersSubmitted;
import app.duet.api.session.BidAnswered;
import app.duet.api.session.BidMade;
import app.duet.api.session.DraftView;
import app.duet.api.session.DraftWritten;
import app.duet.api.session.EntryDetails;
import app.duet.api.session.EntryShared;
import app.duet.api.session.FindMyDrafts;
import app.duet.api.session.FindSession;
import app.duet.api.session.ParticipantView;
import app.duet.api.session.PartnerJoinedSession;
import app.duet.api.session.PartnerLeftSession;
import app.duet.api.session.PartnerMovedToStep;
import app.duet.api.session.SessionEnded;
import app.duet.api.session.SessionPaused;
import app.duet.api.session.SessionResumed;
import app.duet.api.session.SessionStarted;
import app.duet.api.session.SessionView;
import app.duet.api.session.TherapistJoinedSession;
import app.duet.api.session.TherapistLeftSession;
import app.duet.query.live.LiveViews;
import app.duet.query.live.ViewPublisher;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Builds the live view of each joint session and pushes every visible change to the session's
 * topic. Private entries change only their author's drafts: nothing is pushed for them, and the
 * version, which counts visible changes, stays as it is. Names come from {@link SessionNames}.
 */
@Component
@ProcessingGroup(LiveViews.PROCESSING_GROUP)
public class SessionProjection {

    private final SessionDocumentRepository sessions;
    private final SessionNames names;
    private final ViewPublisher publisher;

    public SessionProjection(SessionDocumentRepository sessions, SessionNames names, ViewPublisher publisher) {
        this.sessions = sessions;
        this.names = names;
        this.publisher = publisher;
    }

    @EventHandler
    public void on(SessionStarted event, @SequenceNumber long sequence, @Timestamp Instant at, ReplayStatus replay) {
        SessionDocument session = sessions.findById(event.sessionId()).orElseGet(() -> new SessionDocument(
                event.sessionId(), event.coupleId(), event.exercise(), event.partnerIds().stream()
                .map(id -> new ParticipantView(id, names.partnerName(event.coupleId(), id), false, null)).toList(), at));
        apply(session, event.sessionId(), sequence, replay, s -> { });
    }

    @EventHandler
    public void on(PartnerJoinedSession event, @SequenceNumber long sequence, ReplayStatus replay) {
        update(event.sessionId(), sequence, replay, s -> s.markPresent(event.partnerId(), true));
    }

    @EventHandler
    public void on(PartnerLeftSession event, @SequenceNumber long sequence, ReplayStatus replay) {
        update(event.sessionId(), sequence, replay, s -> s.markPresent(event.partnerId(), false));
    }

    @EventHandler
    public void on(PartnerMovedToStep event, @SequenceNumber long sequence, ReplayStatus replay) {
        update(event.sessionId(), sequence, replay, s -> s.moveToStep(event.partnerId(), event.step()));
    }

    @EventHandler
    public void on(SessionPaused event, @SequenceNumber long sequence, ReplayStatus replay) {
        update(event.sessionId(), sequence, replay, s -> s.pause(true));
    }

    @EventHandler
    public void on(SessionResumed event, @SequenceNumber long sequence, ReplayStatus replay) {
        update(event.sessionId(), sequence, replay, s -> s.pause(false));
    }

    @EventHandler
    public void on(TherapistJoinedSession event, @SequenceNumber long sequence, ReplayStatus replay) {
        update(event.sessionId(), sequence, replay,
                s -> s.observe(event.therapistId(), names.therapistName(s.coupleId(), event.therapistId())));
    }

    @EventHandler
    public void on(TherapistLeftSession event, @SequenceNumber long sequence, ReplayStatus replay) {
        update(event.sessionId(), sequence, replay, s -> s.stopObserving(event.therapistId()));
    }

    /** A withdrawn consent takes the therapist out of every running session of the couple at once. */
    @EventHandler
    public void on(TherapistAccessWithdrawn event, @SequenceNumber long sequence, ReplayStatus replay) {
        sessions.findByCoupleId(event.coupleId()).stream()
                .filter(session -> session.isRunning() && session.isObservedBy(event.therapistId()))
                .forEach(session -> apply(session, event.coupleId(), sequence, replay,
                        s -> s.stopObserving(event.therapistId())));
    }

    @EventHandler
    public void on(BidMade event, @SequenceNumber long sequence, @Timestamp Instant at, ReplayStatus replay) {
        update(event.sessionId(), sequence, replay,
                s -> s.addBid(event.bidId(), event.fromPartnerId(), event.toPartnerId(), event.words(), at));
    }

    @EventHandler
    public void on(BidAnswered event, @SequenceNumber long sequence, @Timestamp Instant at, ReplayStatus replay) {
        update(event.sessionId(), sequence, replay, s -> s.answerBid(event.bidId(), event.response(), at));
    }

    // --- private entries: only their author's drafts change -------------------------------------

    @EventHandler
    public void on(DraftWritten event, @SequenceNumber long sequence, @Timestamp Instant at) {
        draft(event.sessionId(), sequence, s -> s.writeDraft(event.entryId(), event.authorId(), event.step(),
                EntryKind.TEXT, event.text(), EntryDetails.NONE, at));
    }

    @EventHandler
    public void on(CycleLinkRecorded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        draft(event.sessionId(), sequence, s -> s.writeDraft(event.entryId(), event.authorId(), event.step(),
                EntryKind.CYCLE_LINK, event.words(),
                new EntryDetails.Link(event.link(), event.intensity(), event.move()), at));
    }

    @EventHandler
    public void on(BehaviourListed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        draft(event.sessionId(), sequence, s -> s.writeDraft(event.entryId(), event.authorId(), event.step(),
                EntryKind.BEHAVIOUR, event.words(), new EntryDetails.Behaviour(event.size()), at));
    }

    @EventHandler
    public void on(NeedStated event, @SequenceNumber long sequence, @Timestamp Instant at) {
        draft(event.sessionId(), sequence, s -> s.writeDraft(event.entryId(), event.authorId(), event.step(),
                EntryKind.NEED, event.words(), new EntryDetails.Need(event.need(), event.reassurance()), at));
    }

    @EventHandler
    public void on(ReassuranceWritten event, @SequenceNumber long sequence, @Timestamp Instant at) {
        draft(event.sessionId(), sequence, s -> s.writeDraft(event.entryId(), event.authorId(), event.step(),
                EntryKind.REASSURANCE, event.words(), new EntryDetails.Reassurance(event.needEntryId()), at));
    }

    /** Check-ins in a session are entries; those between sessions belong to the couple's view. */
    @EventHandler
    public void on(LeanCheckedIn event, @SequenceNumber long sequence, @Timestamp Instant at) {
        if (event.sessionId() != null) {
            draft(event.sessionId(), sequence, s -> s.writeDraft(event.checkInId(), event.partnerId(), event.step(),
                    EntryKind.LEAN, null, new EntryDetails.CheckIn(event.lean(), event.energy()), at));
        }
    }

    @EventHandler
    public void on(EntryShared event, @SequenceNumber long sequence, @Timestamp Instant at, ReplayStatus replay) {
        update(event.sessionId(), sequence, replay, s -> s.share(event.entryId(), event.authorId(), at));
    }

    @EventHandler
    public void on(AnswersSubmitted event, @SequenceNumber long sequence, ReplayStatus replay) {
        update(event.sessionId(), sequence, replay, s -> s.submit(event.step(), event.partnerId()));
    }

    @EventHandler
    public void on(AnswersRevealed event, @SequenceNumber long sequence, @Timestamp Instant at, ReplayStatus replay) {
        update(event.sessionId(), sequence, replay, s -> s.reveal(event.step(), event.entries(), at));
    }

    // --- acts -----------------------------------------------------------------------------------

    @EventHandler
    public void on(BlamerSoftened event, @SequenceNumber long sequence, @Timestamp Instant at, ReplayStatus replay) {
        update(event.sessionId(), sequence, replay, s -> s.voice(event.moveId(), event.partnerId(),
                ChangeEvent.BLAMER_SOFTENING, event.words(), at));
    }

    @EventHandler
    public void on(WithdrawerReengaged event, @SequenceNumber long sequence, @Timestamp Instant at,
                   ReplayStatus replay) {
        update(event.sessionId(), sequence, replay, s -> s.voice(event.moveId(), event.partnerId(),
                ChangeEvent.WITHDRAWER_REENGAGEMENT, event.words(), at));
    }

    @EventHandler
    public void on(ChangeEventConfirmed event, @SequenceNumber long sequence, ReplayStatus replay) {
        update(event.sessionId(), sequence, replay, s -> s.confirm(event.moveId(), event.therapistId()));
    }

    @EventHandler
    public void on(BabyStepChosen event, @SequenceNumber long sequence, ReplayStatus replay) {
        update(event.sessionId(), sequence, replay,
                s -> s.takeUpBabyStep(event.behaviourEntryId(), event.listedBy(), event.chosenBy(), null));
    }

    @EventHandler
    public void on(SmallerStepOffered event, @SequenceNumber long sequence, ReplayStatus replay) {
        update(event.sessionId(), sequence, replay,
                s -> s.takeUpBabyStep(event.behaviourEntryId(), event.listedBy(), event.offeredBy(), event.words()));
    }

    @EventHandler
    public void on(BabyStepCommitted event, @SequenceNumber long sequence, ReplayStatus replay) {
        update(event.sessionId(), sequence, replay,
                s -> s.commitToBabyStep(event.behaviourEntryId(), event.listedBy()));
    }

    @EventHandler
    public void on(LetGoProposed event, @SequenceNumber long sequence, @Timestamp Instant at, ReplayStatus replay) {
        update(event.sessionId(), sequence, replay,
                s -> s.proposePact(event.pactId(), event.proposedBy(), event.words(), at));
    }

    @EventHandler
    public void on(ResentmentReleased event, @SequenceNumber long sequence, @Timestamp Instant at,
                   ReplayStatus replay) {
        update(event.sessionId(), sequence, replay, s -> s.releasePact(event.pactId(), event.agreedBy(), at));
    }

    @EventHandler
    public void on(SessionEnded event, @SequenceNumber long sequence, @Timestamp Instant at, ReplayStatus replay) {
        update(event.sessionId(), sequence, replay, s -> s.end(event.endedBy(), at));
    }

    /** An erased couple's sessions go with it. */
    @EventHandler
    public void on(CoupleErased event) {
        sessions.deleteByCoupleId(event.coupleId());
    }

    @QueryHandler
    public List<DraftView> handle(FindMyDrafts query) {
        return sessions.findById(query.sessionId()).map(session -> session.draftsOf(query.authorId())).orElse(List.of());
    }

    @QueryHandler
    public Optional<SessionView> handle(FindSession query) {
        return sessions.findById(query.sessionId()).map(SessionDocument::toView);
    }

    @ResetHandler
    public void reset() {
        sessions.deleteAll();
    }

    /** Records a private entry for its author alone: applied once, never pushed, the version unchanged. */
    private void draft(String sessionId, long sequence, Consumer<SessionDocument> change) {
        sessions.findById(sessionId).ifPresent(session -> {
            if (session.applied().applyQuietly(sessionId, sequence, () -> change.accept(session))) {
                sessions.save(session);
            }
        });
    }

    private void update(String sessionId, long sequence, ReplayStatus replay, Consumer<SessionDocument> change) {
        sessions.findById(sessionId).ifPresent(session -> apply(session, sessionId, sequence, replay, change));
    }

    /** Applies a change once per event, stores it, and tells the session's screens. */
    private void apply(SessionDocument session, String aggregateId, long sequence, ReplayStatus replay,
                       Consumer<SessionDocument> change) {
        if (session.applied().applyOnce(aggregateId, sequence, () -> change.accept(session))) {
            sessions.save(session);
            if (!replay.isReplay()) {
                publisher.publish(session.toView());
            }
        }
    }
}
