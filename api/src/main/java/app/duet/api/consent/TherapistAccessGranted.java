package app.duet.api.consent;

import org.axonframework.serialization.Revision;

/** Both partners consented: the therapist may now observe the couple and its sessions. */
@Revision("1")
public record TherapistAccessGranted(String coupleId, String therapistId, String consentedBy) {
}
