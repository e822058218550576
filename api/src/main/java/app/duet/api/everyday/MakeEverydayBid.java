package app.duet.api.everyday;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Between sessions, a partner reaches for the other's attention or warmth. */
public record MakeEverydayBid(@TargetAggregateIdentifier String coupleId, String partnerId, String bidId, String words) {
}
