package app.duet.api.session;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A partner reaches for the other's attention or warmth. */
public record MakeBid(@TargetAggregateIdentifier String sessionId, String bidId, String partnerId, String words) {
}
