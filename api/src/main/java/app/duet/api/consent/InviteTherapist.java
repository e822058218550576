package app.duet.api.consent;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A partner invites a therapist by the code the therapist gave them; inviting is that partner's consent. */
public record InviteTherapist(@TargetAggregateIdentifier String coupleId, String partnerId, String therapistId, String therapistName) {
}
