package app.duet.api.session;

import java.time.Instant;

/** One bid and, once given, its answer; or, once its window closed unanswered, when it was missed. */
public record BidView(String bidId, String fromPartnerId, String toPartnerId, String words, Instant madeAt, BidResponse response,
                      Instant answeredAt, Instant missedAt) {

    /** An open bid, as it was made. */
    public static BidView made(String bidId, String fromPartnerId, String toPartnerId, String words, Instant madeAt) {
        return new BidView(bidId, fromPartnerId, toPartnerId, words, madeAt, null, null, null);
    }

    public BidView answered(BidResponse response, Instant answeredAt) {
        return new BidView(bidId, fromPartnerId, toPartnerId, words, madeAt, response, answeredAt, missedAt);
    }

    public BidView missed(Instant missedAt) {
        return new BidView(bidId, fromPartnerId, toPartnerId, words, madeAt, response, answeredAt, missedAt);
    }
}
