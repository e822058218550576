package app.duet.api.everyday;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A partner tells the other something they appreciate about them. */
public record ExpressAppreciation(@TargetAggregateIdentifier String coupleId, String partnerId, String appreciationId, String words) {
}
