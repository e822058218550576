package app.duet.query.session;

import app.duet.api.privacy.CoupleErased;
import app.duet.api.consent.TherapistAccessWithdrawn;
import app.duet.api.exercise.EntryKind;
import app.duet.api.session.AnswersRevealed;
import app.duet.api.session.AnswersMarkedReady;
import app.duet.api.session.AnswersTakenBack;
import app.duet.api.session.BidAnswered;
import app.duet.api.session.BidMade;
import app.duet.api.session.BidMissed;
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
import app.duet.api.session.RevealCountdownStarted;
import app.duet.api.session.SessionEnded;
import app.duet.api.session.SessionPaused;
import app.duet.api.session.SessionResumed;
import app.duet.api.session.SessionStarted;
import app.duet.api.session.SessionView;
import app.duet.api.session.TherapistJoinedSession;
import app.duet.api.session.TherapistLeftSession;
import app.duet.query.live.LiveViews;
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

/**
 * Builds the live view of each joint session: presence, steps, pauses, observers, bids, entries,
 * readiness and countdowns to reveals, the reveals, and its end. What partners do in the exercise is the exercise projection's, through the
 * same {@link SessionViews}. Names come from {@link SessionNames}.
 */
@Component
@ProcessingGroup(LiveViews.PROCESSING_GROUP)
public class SessionProjection {

    private final SessionDocumentRepository sessions;
    private final SessionViews views;
    private final SessionNames names;

    public SessionProjection(SessionDocumentRepository sessions, SessionViews views, SessionNames names) {
        this.sessions = sessions;
        this.views = views;
        this.names = names;
    }

    @EventHandler
    public void on(SessionStarted event, @SequenceNumber long sequence, @Timestamp Instant at, ReplayStatus replay) {
        SessionDocument session = views.find(event.sessionId()).orElseGet(() -> views.reading(new SessionDocument(
                event.sessionId(), event.coupleId(), event.exercise(), event.partnerIds().stream()
                .map(id -> new ParticipantView(id, names.partnerName(event.coupleId(), id), false, null)).toList(), at)));
        views.apply(session, event.sessionId(), sequence, replay, s -> { });
    }

    @EventHandler
    public void on(PartnerJoinedSession event, @SequenceNumber long sequence, ReplayStatus replay) {
        views.update(event.sessionId(), sequence, replay, s -> s.markPresent(event.partnerId(), true));
    }

    @EventHandler
    public void on(PartnerLeftSession event, @SequenceNumber long sequence, ReplayStatus replay) {
        views.update(event.sessionId(), sequence, replay, s -> s.markPresent(event.partnerId(), false));
    }

    @EventHandler
    public void on(PartnerMovedToStep event, @SequenceNumber long sequence, ReplayStatus replay) {
        views.update(event.sessionId(), sequence, replay, s -> s.moveToStep(event.partnerId(), event.step()));
    }

    @EventHandler
    public void on(SessionPaused event, @SequenceNumber long sequence, ReplayStatus replay) {
        views.update(event.sessionId(), sequence, replay, s -> s.pause(true));
    }

    @EventHandler
    public void on(SessionResumed event, @SequenceNumber long sequence, ReplayStatus replay) {
        views.update(event.sessionId(), sequence, replay, s -> s.pause(false));
    }

    @EventHandler
    public void on(TherapistJoinedSession event, @SequenceNumber long sequence, ReplayStatus replay) {
        views.update(event.sessionId(), sequence, replay,
                s -> s.observe(event.therapistId(), names.therapistName(s.coupleId(), event.therapistId())));
    }

    @EventHandler
    public void on(TherapistLeftSession event, @SequenceNumber long sequence, ReplayStatus replay) {
        views.update(event.sessionId(), sequence, replay, s -> s.stopObserving(event.therapistId()));
    }

    /** A withdrawn consent takes the therapist out of every running session of the couple at once. */
    @EventHandler
    public void on(TherapistAccessWithdrawn event, @SequenceNumber long sequence, ReplayStatus replay) {
        views.findByCouple(event.coupleId()).stream()
                .filter(session -> session.isRunning() && session.isObservedBy(event.therapistId()))
                .forEach(session -> views.apply(session, event.coupleId(), sequence, replay,
                        s -> s.stopObserving(event.therapistId())));
    }

    @EventHandler
    public void on(BidMade event, @SequenceNumber long sequence, @Timestamp Instant at, ReplayStatus replay) {
        views.update(event.sessionId(), sequence, replay,
                s -> s.addBid(event.bidId(), event.fromPartnerId(), event.toPartnerId(), event.words(), at));
    }

    @EventHandler
    public void on(BidAnswered event, @SequenceNumber long sequence, @Timestamp Instant at, ReplayStatus replay) {
        views.update(event.sessionId(), sequence, replay, s -> s.changeBid(event.bidId(), bid -> bid.answered(event.response(), at)));
    }

    /** Left unanswered: missed when the session ended with it open, or when its in-session window closed. */
    @EventHandler
    public void on(BidMissed event, @SequenceNumber long sequence, @Timestamp Instant at, ReplayStatus replay) {
        views.update(event.sessionId(), sequence, replay, s -> s.changeBid(event.bidId(), bid -> bid.missed(at)));
    }

    // --- private entries: only their author's drafts change -------------------------------------

    @EventHandler
    public void on(DraftWritten event, @SequenceNumber long sequence, @Timestamp Instant at) {
        views.draft(event.sessionId(), sequence, s -> s.writeDraft(event.entryId(), event.authorId(), event.step(),
                EntryKind.TEXT, event.text(), EntryDetails.NONE, at));
    }

    @EventHandler
    public void on(EntryShared event, @SequenceNumber long sequence, @Timestamp Instant at, ReplayStatus replay) {
        views.update(event.sessionId(), sequence, replay, s -> s.share(event.entryId(), event.authorId(), at));
    }

    /** Who is ready shows; what they wrote stays among their drafts until the countdown ends. */
    @EventHandler
    public void on(AnswersMarkedReady event, @SequenceNumber long sequence, ReplayStatus replay) {
        views.update(event.sessionId(), sequence, replay, s -> s.progress().markReady(event.step(), event.partnerId()));
    }

    @EventHandler
    public void on(AnswersTakenBack event, @SequenceNumber long sequence, ReplayStatus replay) {
        views.update(event.sessionId(), sequence, replay, s -> s.progress().takeBack(event.step(), event.partnerId()));
    }

    @EventHandler
    public void on(RevealCountdownStarted event, @SequenceNumber long sequence, @Timestamp Instant at, ReplayStatus replay) {
        views.update(event.sessionId(), sequence, replay, s -> s.progress().startCountdown(event.step(), at, event.endsAt()));
    }

    @EventHandler
    public void on(AnswersRevealed event, @SequenceNumber long sequence, @Timestamp Instant at, ReplayStatus replay) {
        views.update(event.sessionId(), sequence, replay, s -> s.reveal(event.step(), event.entries(), at));
    }

    @EventHandler
    public void on(SessionEnded event, @SequenceNumber long sequence, @Timestamp Instant at, ReplayStatus replay) {
        views.update(event.sessionId(), sequence, replay, s -> s.end(event.endedBy(), at));
    }

    /** An erased couple's sessions go with it. */
    @EventHandler
    public void on(CoupleErased event) {
        views.deleteCouple(event.coupleId());
    }

    @QueryHandler
    public List<DraftView> handle(FindMyDrafts query) {
        return sessions.findById(query.sessionId()).map(session -> session.draftsOf(query.authorId())).orElse(List.of());
    }

    @QueryHandler
    public Optional<SessionView> handle(FindSession query) {
        return views.find(query.sessionId()).map(SessionDocument::toView);
    }

    @ResetHandler
    public void reset() {
        views.deleteAll();
    }
}
