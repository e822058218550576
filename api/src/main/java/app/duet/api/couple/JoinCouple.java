package app.duet.api.couple;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The second partner joins a couple with the invitation code they were given. */
public record JoinCouple(@TargetAggregateIdentifier String coupleId, String partnerId, String displayName, String invitationCode) {
}
