package app.duet.api.everyday;

import app.duet.api.session.BidResponse;
import org.axonframework.serialization.Revision;

/** A bid between sessions was answered by turning toward, away or against. */
@Revision("1")
public record EverydayBidAnswered(String coupleId, String bidId, String byPartnerId, BidResponse response) {
}
