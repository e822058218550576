package app.duet.api.session;

import org.axonframework.serialization.Revision;

/** A bid was answered by turning toward, away or against. */
@Revision("1")
public record BidAnswered(String sessionId, String bidId, String byPartnerId, BidResponse response) {
}
