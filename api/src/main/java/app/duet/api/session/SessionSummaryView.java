package app.duet.api.session;

import app.duet.api.session.Exercise;
import app.duet.api.session.SessionStatus;

import java.time.Instant;

/** One joint session in a couple's overview. */
public record SessionSummaryView(String sessionId, Exercise exercise, SessionStatus status, Instant startedAt, Instant endedAt) {
}
