package app.duet.api.session;

import java.time.Instant;

/** One bid and, once given, its answer. */
public record BidView(String bidId, String fromPartnerId, String toPartnerId, String words, Instant madeAt, BidResponse response, Instant answeredAt) {
}
