package app.duet.api.pairing;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The second partner joins a couple with the invitation code they were given, before it expires. */
public record JoinCouple(@TargetAggregateIdentifier String coupleId, String partnerId, String displayName, String invitationCode,
                         Instant requestedAt) {
}
