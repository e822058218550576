package app.duet.query.session;

import app.duet.api.session.SessionView;
import app.duet.query.live.ViewPublisher;
import org.axonframework.eventhandling.ReplayStatus;
import org.springframework.stereotype.Component;

import java.util.function.Consumer;

/**
 * How the session's and the exercises' projections change a session's view: once per event (the
 * document remembers the last one it applied), stored, and pushed to the session's topic with the
 * version that change gave it, unless replaying. A private entry changes only its author's drafts:
 * nothing is pushed, and the version, which counts visible changes, stays as it is.
 */
@Component
public class SessionViews {

    private final SessionDocumentRepository sessions;
    private final ViewPublisher publisher;

    public SessionViews(SessionDocumentRepository sessions, ViewPublisher publisher) {
        this.sessions = sessions;
        this.publisher = publisher;
    }

    /** A visible change by one of the session's events. */
    public void update(String sessionId, long sequence, ReplayStatus replay, Consumer<SessionDocument> change) {
        sessions.findById(sessionId).ifPresent(session -> apply(session, sessionId, sequence, replay, change));
    }

    /** Records a private entry for its author alone: applied once, never pushed, the version unchanged. */
    public void draft(String sessionId, long sequence, Consumer<SessionDocument> change) {
        sessions.findById(sessionId).ifPresent(session -> {
            if (session.applied().applyQuietly(sessionId, sequence, () -> change.accept(session))) {
                sessions.save(session);
            }
        });
    }

    /** Applies a change once per event, stores it, and tells the session's screens. */
    void apply(SessionDocument session, String aggregateId, long sequence, ReplayStatus replay,
               Consumer<SessionDocument> change) {
        // What the screens were shown, to push only what this change made different; not needed in a replay.
        SessionView before = replay.isReplay() || session.applied().version() == 0 ? null : session.toView();
        if (session.applied().applyOnce(aggregateId, sequence, () -> change.accept(session))) {
            sessions.save(session);
            if (!replay.isReplay()) {
                publisher.publish(before, session.toView());
            }
        }
    }
}
