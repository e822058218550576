package app.duet.api.couple;

import org.axonframework.serialization.Revision;

/** A partner invited a therapist and consented; the other partner's consent is still needed. */
@Revision("1")
public record TherapistInvited(String coupleId, String therapistId, String therapistName, String invitedBy) {
}
