package app.duet.api.consent;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The other partner consents to the invited therapist observing the couple. */
public record GrantTherapistAccess(@TargetAggregateIdentifier String coupleId, String partnerId, String therapistId) {
}
