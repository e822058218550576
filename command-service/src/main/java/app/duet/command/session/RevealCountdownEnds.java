package app.duet.command.session;

import app.duet.command.deadlines.OwnedDeadline;

import java.time.Instant;

/**
 * The deadline a reveal's countdown ends with, in its session's aggregate: it reveals the step's
 * answers if it is still the step's countdown (a pause, a resume or the end made any other stale).
 * Stored with the deadline by its class name: renaming or moving this record strands the deadlines
 * already scheduled.
 */
public record RevealCountdownEnds(String ownerId, String step, Instant endsAt) implements OwnedDeadline {

    public static final String NAME = "reveal-countdown";
}
