package app.duet.api.privacy;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A partner asks for the couple to be erased: every word either partner wrote becomes unreadable. */
public record EraseCouple(@TargetAggregateIdentifier String coupleId, String partnerId) {
}
