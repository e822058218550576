package app.duet.api.clinical;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A therapist with the couple's consent keeps a private clinical note. No partner ever sees it. */
public record WriteTherapistNote(@TargetAggregateIdentifier String coupleId, String therapistId, String noteId,
                                 String text) {
}
