package app.duet.api.session;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The partner a bid was made to answers it. */
public record AnswerBid(@TargetAggregateIdentifier String sessionId, String bidId, String partnerId, BidResponse response) {
}
