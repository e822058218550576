package app.duet.api.clinical;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A partner privately tells the couple's therapist that they do not feel safe. Their partner never learns of it. */
public record RaiseSafetyConcern(@TargetAggregateIdentifier String coupleId, String partnerId, String concernId,
                                 String words) {
}
