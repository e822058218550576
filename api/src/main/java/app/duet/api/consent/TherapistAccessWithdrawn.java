package app.duet.api.consent;

import org.axonframework.serialization.Revision;

/** A partner withdrew consent: the therapist no longer sees anything of the couple. */
@Revision("1")
public record TherapistAccessWithdrawn(String coupleId, String therapistId, String withdrawnBy) {
}
