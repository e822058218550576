package app.duet.query.session;

import app.duet.api.session.SessionEnded;
import app.duet.api.session.SessionStarted;
import app.duet.api.session.SessionStatus;
import app.duet.api.session.SessionSummaryView;
import app.duet.query.live.LiveViews;
import app.duet.query.pairing.CoupleOverviews;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** The couple overview's list of the couple's joint sessions, newest first, running or ended. */
@Component
@ProcessingGroup(LiveViews.PROCESSING_GROUP)
public class CoupleSessionsProjection {

    private final CoupleOverviews overviews;

    public CoupleSessionsProjection(CoupleOverviews overviews) {
        this.overviews = overviews;
    }

    @EventHandler
    public void on(SessionStarted event, @SequenceNumber long sequence, @Timestamp Instant at, ReplayStatus replay) {
        overviews.updateBySession(event.coupleId(), event.sessionId(), sequence, replay, c -> c.addSession(
                new SessionSummaryView(event.sessionId(), event.exercise(), SessionStatus.RUNNING, at, null)));
    }

    @EventHandler
    public void on(SessionEnded event, @SequenceNumber long sequence, @Timestamp Instant at, ReplayStatus replay) {
        overviews.updateBySession(event.sessionId(), sequence, replay, c -> c.updateSession(event.sessionId(),
                session -> new SessionSummaryView(session.sessionId(), session.exercise(), SessionStatus.ENDED,
                        session.startedAt(), at)));
    }
}
