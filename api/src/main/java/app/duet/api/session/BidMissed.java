package app.duet.api.session;

import org.axonframework.serialization.Revision;

/**
 * A bid made in a session got no answer before its window closed (by default the session's end): in
 * the research behind the reference figures, a bid not responded to is a turn away.
 */
@Revision("1")
public record BidMissed(String sessionId, String bidId, String fromPartnerId, String toPartnerId) {
}
