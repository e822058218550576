package app.duet.api.cycle;

import app.duet.api.session.Exercise;

/** Positive to negative moments within one session. */
public record SessionRatioView(String sessionId, Exercise exercise, int positive, int negative) {
}
