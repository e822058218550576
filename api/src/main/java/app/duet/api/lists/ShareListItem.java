package app.duet.api.lists;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A partner shows an item of their list to the other (and a consented therapist). */
public record ShareListItem(@TargetAggregateIdentifier String coupleId, String partnerId, String itemId) {
}
