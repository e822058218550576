package app.duet.api.session;

import org.axonframework.serialization.Revision;

/** A partner made a bid for connection towards the other. */
@Revision("1")
public record BidMade(String sessionId, String bidId, String fromPartnerId, String toPartnerId, String words) {
}
