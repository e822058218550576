package app.duet.api.pairing;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** A partner opens a couple and receives an invitation code to pass to the other partner. */
public record CreateCouple(@TargetAggregateIdentifier String coupleId, String partnerId, String displayName, String invitationCode,
                           Instant invitationExpiresAt) {
}
