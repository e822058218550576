package app.duet.api.consent;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Either partner withdraws consent; the therapist's access ends at once. */
public record WithdrawTherapistAccess(@TargetAggregateIdentifier String coupleId, String partnerId, String therapistId) {
}
