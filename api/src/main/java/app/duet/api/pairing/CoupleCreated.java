package app.duet.api.pairing;

import app.duet.api.privacy.DataOwner;
import app.duet.api.privacy.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A couple exists with its first partner; the invitation code lets the second one join until it
 * expires. Revision 2 added the expiry (revision 1 events are upcast: a week after they happened).
 */
@Revision("2")
public record CoupleCreated(@DataOwner(holdsKey = true) String coupleId, String partnerId, @PersonalData String displayName, String invitationCode,
                            Instant invitationExpiresAt) {
}
