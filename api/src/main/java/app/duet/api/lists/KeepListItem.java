package app.duet.api.lists;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A partner adds to one of their lists; it is theirs alone until they share it. */
public record KeepListItem(@TargetAggregateIdentifier String coupleId, String partnerId, String itemId, ListKind list, String words) {
}
