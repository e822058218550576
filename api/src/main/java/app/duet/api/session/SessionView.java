package app.duet.api.session;

import java.util.List;
import java.time.Instant;

/** What the people in a session see, live. version counts the events applied, without gaps. */
public record SessionView(String sessionId, String coupleId, Exercise exercise, SessionStatus status, List<ParticipantView> partners, List<BidView> bids, List<EntryView> entries, Instant startedAt, Instant endedAt, long version) {
}
