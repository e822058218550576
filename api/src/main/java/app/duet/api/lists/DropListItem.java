package app.duet.api.lists;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A partner takes an item off their list. */
public record DropListItem(@TargetAggregateIdentifier String coupleId, String partnerId, String itemId) {
}
