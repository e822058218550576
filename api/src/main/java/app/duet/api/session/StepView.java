package app.duet.api.session;

import app.duet.api.exercise.EntryKind;
import app.duet.api.exercise.Sharing;

import java.time.Instant;
import java.util.List;

/** A step of the session's exercise: how its entries are shared, who has submitted (revealed steps), and when it was revealed. */
public record StepView(String key, Sharing sharing, List<EntryKind> accepts, List<String> submittedBy, Instant revealedAt) {
}
