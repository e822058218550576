package app.duet.query.session;

import app.duet.api.session.SessionView;
import app.duet.query.live.ViewPublisher;
import org.axonframework.eventhandling.ReplayStatus;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * How the session's and the exercises' projections change a session's view: once per event (the
 * document remembers the last one it applied), stored, and pushed to the session's topic with the
 * version that change gave it, unless replaying. Bids and shared entries are stored apart, one
 * document each ({@link SessionItem}), before the session's document. A private entry changes only
 * its author's drafts: nothing is pushed, and the version, which counts visible changes, stays as it is.
 */
@Component
public class SessionViews {

    private final SessionDocumentRepository sessions;
    private final SessionItemRepository items;
    private final ViewPublisher publisher;

    public SessionViews(SessionDocumentRepository sessions, SessionItemRepository items, ViewPublisher publisher) {
        this.sessions = sessions;
        this.items = items;
        this.publisher = publisher;
    }

    /** A visible change by one of the session's events. */
    public void update(String sessionId, long sequence, ReplayStatus replay, Consumer<SessionDocument> change) {
        find(sessionId).ifPresent(session -> apply(session, sessionId, sequence, replay, change));
    }

    /** Records a private entry for its author alone: applied once, never pushed, the version unchanged. */
    public void draft(String sessionId, long sequence, Consumer<SessionDocument> change) {
        find(sessionId).ifPresent(session -> {
            if (session.applied().applyQuietly(sessionId, sequence, () -> change.accept(session))) {
                store(session);
            }
        });
    }

    /** Applies a change once per event, stores it, and tells the session's screens. */
    void apply(SessionDocument session, String aggregateId, long sequence, ReplayStatus replay,
               Consumer<SessionDocument> change) {
        // What changed is compared on the bids and entries this change touched, never on all of them.
        SessionView before = replay.isReplay() || session.applied().version() == 0 ? null : session.changedPart();
        if (session.applied().applyOnce(aggregateId, sequence, () -> change.accept(session))) {
            SessionView after = replay.isReplay() ? null : session.changedPart();
            store(session);
            if (!replay.isReplay()) {
                publisher.publish(before, after);
            }
        }
    }

    Optional<SessionDocument> find(String sessionId) {
        return sessions.findById(sessionId).map(this::reading);
    }

    List<SessionDocument> findByCouple(String coupleId) {
        return sessions.findByCoupleId(coupleId).stream().map(this::reading).toList();
    }

    /** A new session's document, reading its bids and entries from where they are stored. */
    SessionDocument reading(SessionDocument session) {
        return session.readingFrom(SessionItems.of(items, session.sessionId()));
    }

    /** Bids and entries first: stored again, they are the same documents, so a crash between the two loses nothing. */
    private void store(SessionDocument session) {
        session.takeChanged().storeIn(items);
        sessions.save(session);
    }

    void deleteCouple(String coupleId) {
        items.deleteByCoupleId(coupleId);
        sessions.deleteByCoupleId(coupleId);
    }

    void deleteAll() {
        items.deleteAll();
        sessions.deleteAll();
    }
}
