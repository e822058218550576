package app.duet.api.everyday;

import app.duet.api.session.BidResponse;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The partner a bid between sessions was made to answers it. */
public record AnswerEverydayBid(@TargetAggregateIdentifier String coupleId, String partnerId, String bidId, BidResponse response) {
}
