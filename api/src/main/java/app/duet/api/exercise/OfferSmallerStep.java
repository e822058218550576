package app.duet.api.exercise;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** "Not yet, but I am willing to …": a partner answers a behaviour on the other's list with a smaller one. */
public record OfferSmallerStep(@TargetAggregateIdentifier String sessionId, String partnerId, String behaviourEntryId, String words) {
}
