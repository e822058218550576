package app.duet.api.consent;

import app.duet.api.privacy.DataOwner;
import app.duet.api.privacy.PersonalData;
import org.axonframework.serialization.Revision;

/** A partner invited a therapist and consented; the other partner's consent is still needed. */
@Revision("1")
public record TherapistInvited(@DataOwner String coupleId, String therapistId, @PersonalData String therapistName, String invitedBy) {
}
