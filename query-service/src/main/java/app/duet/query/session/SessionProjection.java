package app.duet.query.session;

import app.duet.api.couple.CoupleErased;
import app.duet.api.session.BidAnswered;
import app.duet.api.session.BidMade;
import app.duet.api.session.DraftView;
import app.duet.api.session.DraftWritten;
import app.duet.api.session.EntryShared;
import app.duet.api.session.FindMyDrafts;
import app.duet.api.session.FindSession;
import app.duet.api.session.ParticipantView;
import app.duet.api.session.PartnerJoinedSession;
import app.duet.api.session.PartnerLeftSession;
import app.duet.api.session.SessionEnded;
import app.duet.api.session.SessionStarted;
import app.duet.api.session.SessionView;
import app.duet.query.couple.CoupleDocument;
import app.duet.query.couple.CoupleDocumentRepository;
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

/** Builds the live view of each joint session; pushes every change to the session's topic. */
@Component
@ProcessingGroup(LiveViews.PROCESSING_GROUP)
public class SessionProjection {

    private final SessionDocumentRepository sessions;
    private final CoupleDocumentRepository couples;
    private final ViewPublisher publisher;

    public SessionProjection(SessionDocumentRepository sessions, CoupleDocumentRepository couples,
                             ViewPublisher publisher) {
        this.sessions = sessions;
        this.couples = couples;
        this.publisher = publisher;
    }

    @EventHandler
    public void on(SessionStarted event, @SequenceNumber long sequence, @Timestamp Instant at, ReplayStatus replay) {
        Optional<CoupleDocument> couple = couples.findById(event.coupleId());
        SessionDocument session = sessions.findById(event.sessionId()).orElseGet(() -> new SessionDocument(
                event.sessionId(), event.coupleId(), event.exercise(),
                event.partnerIds().stream().map(id -> new ParticipantView(id,
                        couple.map(c -> c.displayNameOf(id)).orElse(null), false)).toList(),
                at));
        apply(session, sequence, replay, s -> { });
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
    public void on(BidMade event, @SequenceNumber long sequence, @Timestamp Instant at, ReplayStatus replay) {
        update(event.sessionId(), sequence, replay,
                s -> s.addBid(event.bidId(), event.fromPartnerId(), event.toPartnerId(), event.words(), at));
    }

    @EventHandler
    public void on(BidAnswered event, @SequenceNumber long sequence, @Timestamp Instant at, ReplayStatus replay) {
        update(event.sessionId(), sequence, replay, s -> s.answerBid(event.bidId(), event.response(), at));
    }

    @EventHandler
    public void on(SessionEnded event, @SequenceNumber long sequence, @Timestamp Instant at, ReplayStatus replay) {
        update(event.sessionId(), sequence, replay, s -> s.end(at));
    }

    /** A draft changes only its author's private list: the view everyone sees is unchanged, so nothing is pushed. */
    @EventHandler
    public void on(DraftWritten event, @SequenceNumber long sequence, @Timestamp Instant at) {
        sessions.findById(event.sessionId()).ifPresent(session -> {
            if (session.applied().isNew(event.sessionId(), sequence)) {
                session.writeDraft(event.entryId(), event.authorId(), event.text(), at);
                session.applied().skip(event.sessionId(), sequence);
                sessions.save(session);
            }
        });
    }

    @EventHandler
    public void on(EntryShared event, @SequenceNumber long sequence, @Timestamp Instant at, ReplayStatus replay) {
        update(event.sessionId(), sequence, replay, s -> s.share(event.entryId(), event.authorId(), at));
    }

    @QueryHandler
    public List<DraftView> handle(FindMyDrafts query) {
        return sessions.findById(query.sessionId()).map(session -> session.draftsOf(query.authorId())).orElse(List.of());
    }

    /** An erased couple's sessions go with it. */
    @EventHandler
    public void on(CoupleErased event) {
        sessions.deleteByCoupleId(event.coupleId());
    }

    private void update(String sessionId, long sequence, ReplayStatus replay, Consumer<SessionDocument> change) {
        sessions.findById(sessionId).ifPresent(session -> apply(session, sequence, replay, change));
    }

    /** Applies a change once per event, stores it, and tells the session's screens. */
    private void apply(SessionDocument session, long sequence, ReplayStatus replay, Consumer<SessionDocument> change) {
        if (session.applied().applyOnce(session.sessionId(), sequence, () -> change.accept(session))) {
            sessions.save(session);
            if (!replay.isReplay()) {
                publisher.publish(session.toView());
            }
        }
    }

    @QueryHandler
    public Optional<SessionView> handle(FindSession query) {
        return sessions.findById(query.sessionId()).map(SessionDocument::toView);
    }

    @ResetHandler
    public void reset() {
        sessions.deleteAll();
    }
}
